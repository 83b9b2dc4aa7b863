"""What a word pointing back at a spacecraft stands for: the nearest antecedent, a craft
its own sentence introduced first, then the one craft of the sentences before. Sentences
of my own, with invented crafts, in a news register and an official one."""

from __future__ import annotations

from tests.one_document import activities_of


def test_a_pronoun_stands_for_the_unnamed_craft_its_own_sentence_introduced(reference):
    text = (
        "The Nepal Academy of Science received KathSat-1 in 2027.\n\n"
        "Under the 2029 contract, CAST designed a small radar satellite for Nepal and China "
        "launched it from Taiyuan."
    )
    assert not any(craft == "kathsat-1" for _, _, craft in activities_of(reference, text))


def test_a_later_pointer_is_read_when_the_first_is_acted_on_by_no_trigger(reference):
    news = (
        "ZamSat-2 went up from Xichang in March. After the satellite passed its tests, it "
        "was handed over in orbit to the Zambian Space Agency."
    )
    official = (
        "China launched the satellite BhutanEye-1 in 2030. The satellite performed well in "
        "its first weeks, and in May CGWIC handed it over in orbit to Bhutan."
    )
    assert ("delivered", "zambian-space-agency", "zamsat-2") in activities_of(reference, news)
    assert ("delivered", "bhutan", "bhutaneye-1") in activities_of(reference, official)


def test_its_delivery_is_the_delivery_of_the_craft_named_before(reference):
    news = (
        "China launched MaliSat-1 on a Long March 2D in 2028. Its in-orbit delivery to the "
        "Malian Space Agency followed in 2029."
    )
    official = (
        "The communications satellite ChadCom-1 reached its orbital slot in May 2031. Its "
        "delivery to the Government of Chad took place in August."
    )
    found = activities_of(reference, news)
    assert ("delivered", "malian-space-agency", "malisat-1") in found
    assert ("launched", "malian-space-agency", "malisat-1") not in found  # an event follows
    assert ("delivered", "chad", "chadcom-1") in activities_of(reference, official)


def test_a_craft_made_by_its_owner_is_not_built_for_it(reference):
    """A "for" inside the maker's own name is no beneficiary, and "designed and built in"
    the partner's country is the partner's own work, on either coordinated verb."""
    news = (
        "China launched RiyadhSat-1 from Jiuquan in May. RiyadhSat-1 was designed and built "
        "by the Gulf Institute for Space Research (GISR) itself."
    )
    official = (
        "China launched the radar satellite KaraSat-2 from Jiuquan for the Kenya Space "
        "Agency; KaraSat-2 was designed and built in Kenya."
    )
    assert not any(activity == "built" for activity, _, _ in activities_of(reference, news))
    assert not any(activity == "built" for activity, _, _ in activities_of(reference, official))
