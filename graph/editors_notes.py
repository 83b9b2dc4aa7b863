"""An editor's note at the head of an updated wire story: "(Adds comments from the
minister in paragraphs 5-6)", "(Corrects spelling of agency's name in paragraph 3)". It
says what changed in the story, not what happened: the names in it are the story's
subjects, mentioned, and nothing it says is a fact of its own.
"""

from __future__ import annotations

import re

# a parenthesis that opens on a verb of editing in the third person
_NOTE = re.compile(
    r"^\s*\(\s*(?:Adds|Updates|Recasts|Corrects|Changes|Rewrites|Refiles|Removes|Deletes|"
    r"Inserts|Replaces|Clarifies|Fixes|Expands|Restores|Writes\s+through|Tops\s+with)\b"
)
# what an editor's note speaks of: the story's own parts
_STORY_PART = re.compile(
    r"\b(?:paragraphs?|para|paras|headline|byline|dateline|lead|story|quotes?|"
    r"throughout|details?|background|context|comments?)\b",
    re.IGNORECASE,
)


def editors_note(text: str) -> bool:
    """Whether a sentence is an editor's note about the story's changes."""
    return _NOTE.match(text) is not None and _STORY_PART.search(text) is not None
