"""PyTorch eager twin of ml's benchmark model, for bench/vs-pytorch.sh.

Same architecture (GPT-2: learned positions, pre-LN, tanh GELU, tied head, no dropout), same
presets, batch, sequence length, optimiser (AdamW betas 0.9/0.95, weight decay 0.1 on matrices,
global-norm clip 1.0) and sampling loop (batched, KV cache, temperature 0.9), written the way a
PyTorch user would write it. Prints one `RESULT key=value ...` line.

usage: pytorch_gpt.py train PRESET VOCAB BATCH SEQ STEPS
       pytorch_gpt.py sample PRESET VOCAB BATCH PROMPT NEW REPEATS
"""
import math
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

PRESETS = {  # n_positions, n_layer, n_head, n_embd: the same table as GptConfig.preset
    "scratch:xxs": (64, 2, 2, 32),
    "scratch:xs": (128, 4, 4, 128),
    "scratch:s": (256, 6, 6, 192),
    "scratch:m": (256, 8, 8, 320),
}


class Block(nn.Module):
    def __init__(self, c, h):
        super().__init__()
        self.h = h
        self.ln_1, self.ln_2 = nn.LayerNorm(c), nn.LayerNorm(c)
        self.c_attn, self.attn_proj = nn.Linear(c, 3 * c), nn.Linear(c, c)
        self.c_fc, self.mlp_proj = nn.Linear(c, 4 * c), nn.Linear(4 * c, c)

    def forward(self, x, mask, cache=None):
        b, t, c = x.shape
        q, k, v = self.c_attn(self.ln_1(x)).split(c, dim=2)
        q, k, v = (z.view(b, t, self.h, c // self.h).transpose(1, 2) for z in (q, k, v))
        if cache is not None:
            if cache[0] is not None:
                k, v = torch.cat([cache[0], k], 2), torch.cat([cache[1], v], 2)
            cache[0], cache[1] = k, v
        att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(k.size(-1)))
        if mask is not None:
            att = att.masked_fill(mask, float("-inf"))
        y = (att.softmax(-1) @ v).transpose(1, 2).reshape(b, t, c)
        x = x + self.attn_proj(y)
        return x + self.mlp_proj(F.gelu(self.c_fc(self.ln_2(x)), approximate="tanh"))


class Gpt(nn.Module):
    def __init__(self, vocab, positions, layers, heads, c):
        super().__init__()
        self.wte, self.wpe = nn.Embedding(vocab, c), nn.Embedding(positions, c)
        self.blocks = nn.ModuleList(Block(c, heads) for _ in range(layers))
        self.ln_f = nn.LayerNorm(c)

    def forward(self, ids, offset=0, caches=None):
        t = ids.size(1)
        x = self.wte(ids) + self.wpe(torch.arange(offset, offset + t))
        mask = torch.triu(torch.ones(t, t, dtype=torch.bool), 1) if t > 1 else None
        for i, block in enumerate(self.blocks):
            x = block(x, mask, None if caches is None else caches[i])
        return self.ln_f(x) @ self.wte.weight.T  # tied head


def build(preset, vocab):
    torch.manual_seed(1)
    positions, layers, heads, c = PRESETS[preset]
    return Gpt(vocab, positions, layers, heads, c)


def train(preset, vocab, batch, seq, steps):
    model = build(preset, vocab)
    decay = [p for p in model.parameters() if p.dim() >= 2]
    rest = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": rest, "weight_decay": 0.0}],
                            lr=3e-4, betas=(0.9, 0.95), eps=1e-8)
    g = torch.Generator().manual_seed(2)
    data = [torch.randint(3, vocab, (batch, seq + 1), generator=g) for _ in range(8)]
    rates = []
    for s in range(-3, steps):
        rows = data[s % len(data)]
        start = time.perf_counter()
        logits = model(rows[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, vocab), rows[:, 1:].reshape(-1))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        loss.item()
        if s >= 0:
            rates.append(batch * seq / (time.perf_counter() - start))
    params = sum(p.numel() for p in model.parameters())
    print(f"pytorch train {preset}: {params / 1e6:.2f} M params, {statistics.median(rates):.0f} tokens/s")
    print(f"RESULT params={params} tokens_per_s={statistics.median(rates):.1f}")


@torch.no_grad()
def sample(preset, vocab, batch, prompt_length, new_tokens, repeats):
    model = build(preset, vocab).eval()
    g = torch.Generator().manual_seed(3)
    prompts = torch.randint(3, vocab, (batch, prompt_length), generator=g)

    def run():
        caches = [[None, None] for _ in model.blocks]
        logits = model(prompts, 0, caches)[:, -1]
        out, position = [], prompt_length
        for _ in range(new_tokens):
            probs = (logits / 0.9).softmax(-1)
            token = torch.multinomial(probs, 1, generator=g)
            out.append(token)
            logits = model(token, position, caches)[:, -1]
            position += 1
        return torch.cat(out, 1)

    run()
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        tokens = run()
        rates.append(tokens.numel() / (time.perf_counter() - start))
    print(f"pytorch sample {preset}: {statistics.median(rates):.0f} tokens/s (KV cache)")
    print(f"RESULT kv_tokens_per_s={statistics.median(rates):.1f}")


if __name__ == "__main__":
    torch.set_num_threads(int(__import__("os").environ.get("RLAIF_ML_THREADS", "2")))
    mode, preset, *numbers = sys.argv[1:]
    (train if mode == "train" else sample)(preset, *map(int, numbers))
