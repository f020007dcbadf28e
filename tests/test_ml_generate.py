"""Optional generative rewrite on a tiny causal LM built here: output is only ever a proposal."""
from __future__ import annotations

from pathlib import Path

import pytest

CORPUS = ["Rewrite this job-ad sentence so that it does not exclude anyone.",
          "We are looking for a motivated salesperson.", "Join our friendly team.",
          "Sentence: We want a young salesman.", "Rewrite: We want a motivated salesperson."]


def build_tiny_gpt2(dest: Path) -> Path:
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast
    from transformers.utils import logging as tlog
    tlog.set_verbosity_error()
    tlog.disable_progress_bar()
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(CORPUS * 3, trainers.BpeTrainer(
        vocab_size=300, special_tokens=["<|endoftext|>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|endoftext|>",
                                   pad_token="<|endoftext|>")
    fast.save_pretrained(str(dest))
    torch.manual_seed(0)
    cfg = GPT2Config(vocab_size=tok.get_vocab_size(), n_positions=512, n_embd=16, n_layer=1, n_head=2,
                     eos_token_id=0, bos_token_id=0, pad_token_id=0)
    GPT2LMHeadModel(cfg).save_pretrained(str(dest))
    return dest


@pytest.fixture(scope="module")
def gen_store(tmp_path_factory):
    from inclusive_writer.ml.store import ModelStore
    base = tmp_path_factory.mktemp("gen")
    store = ModelStore(base / "store")
    store.add_folder(build_tiny_gpt2(base / "gpt2"), {"id": "tiny-gpt2", "task": "generation",
                                                      "languages": ["en", "nl"], "licence": "test"})
    return store


def test_generator_returns_a_proposal_that_is_never_applied(gen_store):
    from inclusive_writer.ml.generate import Proposal, load_generator
    gen = load_generator(store=gen_store)
    gen.max_new_tokens = 8
    sentence = "We want a young salesman."
    p = gen.propose(sentence, "en")
    assert isinstance(p, Proposal) and p.applied is False
    assert p.original == sentence and p.origin == "model:tiny-gpt2" and isinstance(p.text, str)
    assert "Rewrite this job-ad sentence" in gen.prompt(sentence, "en", "age")
    assert "Herschrijf" in gen.prompt("Wij zoeken een jonge verkoper.", "nl", "leeftijd")


def test_no_generator_installed_is_a_clear_error(tmp_path):
    from inclusive_writer.ml.errors import ModelNotInstalled
    from inclusive_writer.ml.generate import load_generator
    from inclusive_writer.ml.store import ModelStore
    with pytest.raises(ModelNotInstalled, match="optional generation model"):
        load_generator(store=ModelStore(tmp_path))
