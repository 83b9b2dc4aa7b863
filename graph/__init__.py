"""china-space-kg: build a knowledge graph of China's space cooperation from documents."""

__version__ = "0.1.0"
