"""Every specific piece of a claim must be backed (rag/checking/backing.py): slots, roles, rarity, the embedder."""

import pytest

from rag.checking.alignment import WordVectors
from rag.checking.backing import backing_features, pieces, rarity, role_swaps, slot_swaps


@pytest.mark.parametrize("claim, span", [
    # another library in the slot the span frames with "library used for the biomedical domain"
    ("The TagMe library used for the biomedical domain suffered a huge loss in precision.",
     "However, the MetaMap Lite off-the-shelf library we used for the biomedical domain suffered a huge loss."),
    # another special token before "token"
    ("SPECTER takes the final representation of the [SEP] token as the paper's representation.",
     "We take the final representation of the [CLS] token as the output representation of the paper."),
    # another model family before "model series"
    ("Most recent efforts to reproduce zero RL training have focused on the Llama model series.",
     "Most recent efforts to reproduce zero RL training have primarily focused on the Qwen2.5 model series."),
    # a number word against another number in the same frame
    ("The proposed architecture has three modules.",
     "We propose a generalizable architecture encompassing four modules: a sensing module and a world model."),
])
def test_a_name_or_number_in_another_ones_slot_is_a_swap(claim, span):
    assert slot_swaps(claim, span) == 1


@pytest.mark.parametrize("claim, span", [
    # a number written as a word is the same value
    ("S4D needs only two lines of code for its kernel computation.",
     "Our final model S4D is a simple diagonal version of S4 whose kernel computation requires just 2 lines of code."),
    # the same names and numbers in another order
    ("MapGPT achieves 38.8% and 28.4% success rates on the R2R and REVERIE datasets respectively.",
     "MapGPT is effective on both the R2R and REVERIE datasets (38.8% and 28.4% success rate, respectively)."),
    # a name the span does not hold, in a frame the span does not have: not a swap (at most unbacked)
    ("ReSeg was developed by the Montreal group.",
     "We evaluate ReSeg on several widely-used semantic segmentation datasets: Weizmann Horse and CamVid."),
])
def test_the_same_pieces_or_an_empty_slot_are_no_swap(claim, span):
    assert slot_swaps(claim, span) == 0


def test_exchanged_roles_are_read_both_ways_and_a_faithful_paraphrase_has_none():
    span = "HyPO uses offline data for contrastive preference optimization and online data for KL regularization."
    assert role_swaps("HyPO uses online data for contrastive preference optimization and offline data for KL "
                      "regularization.", span) > 0
    assert role_swaps("SPECTER uses 3 hard negatives and 2 easy negatives.",
                      "We use 2 hard negatives and 3 easy negatives for each query paper.") > 0
    assert role_swaps("HyPO optimizes preferences contrastively on offline data and regularizes with KL on online "
                      "data.", span) == 0
    assert role_swaps(span, span) == 0


def test_pieces_have_shapes_and_rarity_comes_from_the_embedders_vocabulary():
    shapes = dict(pieces("We train GPT-4 and ResNet50 on 3 tasks with Lipschitz rewards, twice."))
    assert shapes["gpt"] == "name" and shapes["resnet50"] == "name" and shapes["lipschitz"] == "name"
    assert shapes["3"] == "number" and shapes["twice"] == "number" and shapes["we"] == "word"
    assert rarity("model") == 1.0 and rarity("distillation") == 2.0


@pytest.fixture(scope="module")
def vectors(embedder):
    return WordVectors(embedder)


SPAN = "Experiments confirm our theoretical results that this approach shortens chains of thought while preserving accuracy."


def test_a_paraphrase_is_backed_through_the_embedder_and_an_added_detail_is_not(vectors):
    paraphrase = "This approach makes chains of thought shorter and keeps accuracy."
    detail = "This approach shortens chains of thought by 40% on GSM8K with random network distillation."
    p = backing_features(paraphrase, SPAN, SPAN, SPAN, vectors)
    d = backing_features(detail, SPAN, SPAN, SPAN, vectors)
    # a paraphrase's new words stand in for the span's through the embedder; an added detail stays unbacked
    assert p["unbacked_aligned"] < p["unbacked_window"]
    assert d["unbacked_aligned"] > p["unbacked_aligned"] + 0.2
    assert d["items_unbacked"] == 2 and p["items_unbacked"] == 0
    # the detail's pieces are nowhere in the paper either; a neighbour sentence in the window backs them
    assert d["unbacked_paper"] > 0
    window = SPAN + " On GSM8K, it shortens chains by 40% with random network distillation."
    assert backing_features(detail, SPAN, window, window, vectors)["items_unbacked"] == 0


def test_title_words_are_not_pieces_to_back(vectors):
    claim = "Dropout's Dream Land trains agents inside the dream."
    title = "Dropout's Dream Land: Generalization from Learned Simulators to Reality"
    span = "We train agents inside the dream and transfer them to reality."
    assert backing_features(claim, span, span, span, vectors, ignore=title)["unbacked_window"] == 0.0


@pytest.mark.parametrize("claim, span, swaps", [
    # a direction word in the slot of its opposite
    ("Replacing SciBERT with BERT-Large improves performance considerably.",
     "Using a strong general-domain model (BERT-Large) instead of SciBERT reduces performance considerably.", 1),
    ("Offline RL algorithms conditioned on histories have good sample complexity.",
     "We show that offline RL algorithms conditioned on histories suffer from poor sample complexity.", 1),
    # the same direction in other words is a paraphrase
    ("Adding venues slightly raises performance.", "We find that adding venues slightly improves performance.", 0),
    # a number backed only by an unrelated list item "(3)" is not backed: the slot holds "four"
    ("The proposed architecture for robots has three modules.",
     "The architecture encompasses four modules: (1) sensing, (2) teamwork, (3) a world belief model.", 1),
])
def test_directions_and_numbers_are_read_in_their_slot(claim, span, swaps):
    assert slot_swaps(claim, span) == swaps


def test_an_acronym_for_the_claims_words_is_no_swap():
    span = "On URLB, our method obtains 93.59% overall normalized performance."
    assert slot_swaps("On the Unsupervised RL Benchmark, the method obtains 93.59% overall normalized performance.",
                      span) == 0
    assert slot_swaps("On the DMC suite, the method obtains 93.59% overall normalized performance.", span) == 1
