"""Optional generative rewrite: a small instruction-tuned model proposes a rewrite of a flagged
sentence. The output is always a `Proposal` for the user to accept or reject; nothing here
changes the document.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .offline import ensure_offline, quiet_transformers

PROMPTS = {
    "en": "Rewrite this job-ad sentence so that it does not exclude anyone ({why}). Keep the meaning. "
          "Answer with the sentence only.\nSentence: {sentence}\nRewrite:",
    "nl": "Herschrijf deze zin uit een vacature zodat niemand wordt uitgesloten ({why}). Behoud de "
          "betekenis. Antwoord alleen met de zin.\nZin: {sentence}\nHerschreven:",
    "fr": "Réécris cette phrase d'offre d'emploi pour qu'elle n'exclue personne ({why}). Garde le "
          "sens. Réponds seulement avec la phrase.\nPhrase : {sentence}\nRéécriture :",
    "de": "Formuliere diesen Satz aus einer Stellenanzeige so um, dass niemand ausgeschlossen wird "
          "({why}). Behalte die Bedeutung. Antworte nur mit dem Satz.\nSatz: {sentence}\nUmformulierung:",
}


@dataclass(frozen=True, slots=True)
class Proposal:
    """A suggested rewrite; `applied` is always False — the user decides."""

    original: str
    text: str
    origin: str
    applied: bool = False


class Generator:
    """A causal (or seq2seq) LM folder from the store; greedy, bounded generation."""

    def __init__(self, folder: str | Path, *, model_id: str | None = None, max_new_tokens: int = 60) -> None:
        ensure_offline()
        import torch
        from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer
        quiet_transformers()
        folder = Path(folder)
        self._torch = torch
        self.id = model_id or folder.name
        self.max_new_tokens = max_new_tokens
        cfg = AutoConfig.from_pretrained(str(folder), local_files_only=True)
        self.seq2seq = bool(getattr(cfg, "is_encoder_decoder", False))
        cls = AutoModelForSeq2SeqLM if self.seq2seq else AutoModelForCausalLM
        self.tokenizer = AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
        self.model = cls.from_pretrained(str(folder), local_files_only=True, use_safetensors=True).eval()

    def prompt(self, sentence: str, lang: str, why: str) -> str:
        template = PROMPTS.get(lang, PROMPTS["en"])
        body = template.format(sentence=sentence, why=why or "inclusive wording")
        if getattr(self.tokenizer, "chat_template", None):
            return self.tokenizer.apply_chat_template([{"role": "user", "content": body}],
                                                      tokenize=False, add_generation_prompt=True)
        return body

    def propose(self, sentence: str, lang: str = "en", finding: Any = None) -> Proposal:
        why = getattr(finding, "message", "") if finding is not None else ""
        enc = self.tokenizer(self.prompt(sentence, lang, why), return_tensors="pt")
        with self._torch.inference_mode():
            out = self.model.generate(**enc, max_new_tokens=self.max_new_tokens, do_sample=False,
                                      pad_token_id=self.tokenizer.pad_token_id
                                      if self.tokenizer.pad_token_id is not None else self.tokenizer.eos_token_id)
        new = out[0] if self.seq2seq else out[0][enc["input_ids"].shape[1]:]
        text = self.tokenizer.decode(new, skip_special_tokens=True).strip().split("\n")[0].strip()
        return Proposal(sentence, text, f"model:{self.id}")


def load_generator(model_id: str | None = None, store=None) -> Generator:
    """The generation model `model_id` (or the first installed one), verified."""
    from .errors import ModelNotInstalled
    from .store import ModelStore
    st = store or ModelStore()
    info = st.get(model_id) if model_id else st.find("generation")
    if info is None:
        raise ModelNotInstalled("rewrite proposals (optional generation model)")
    return Generator(st.path(info.id), model_id=info.id)
