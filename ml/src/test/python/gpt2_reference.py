"""Independent GPT-2 forward pass in PyTorch, the reference for ml's GptReferenceTest.

Builds a tiny GPT-2 from a seeded random state, writes it in the Hugging Face layout
(config.json + model.safetensors, written by hand below) and the logits for fixed inputs.
Run with Debian's python3-torch:  /usr/bin/python3 ml/src/test/python/gpt2_reference.py OUT_DIR

The other direction: `gpt2_reference.py check DIR` reads a checkpoint that ml wrote (GptReferenceTest
leaves one in ml/target/reference-from-java), runs this forward pass on the ids stored beside it and
compares with the logits ml computed.
"""
import json
import math
import struct
import sys

import torch

VOCAB, POSITIONS, LAYERS, HEADS, EMBD, EPS = 50, 16, 2, 2, 32, 1e-5


def random_weights(generator):
    def normal(*shape, std=0.2):
        return torch.randn(*shape, generator=generator) * std

    w = {"transformer.wte.weight": normal(VOCAB, EMBD), "transformer.wpe.weight": normal(POSITIONS, EMBD)}
    for i in range(LAYERS):
        p = f"transformer.h.{i}."
        # Conv1D layout: (in_features, out_features); random gains and biases so every path is checked
        w[p + "ln_1.weight"] = 1 + normal(EMBD, std=0.1)
        w[p + "ln_1.bias"] = normal(EMBD, std=0.1)
        w[p + "attn.c_attn.weight"] = normal(EMBD, 3 * EMBD)
        w[p + "attn.c_attn.bias"] = normal(3 * EMBD, std=0.1)
        w[p + "attn.c_proj.weight"] = normal(EMBD, EMBD)
        w[p + "attn.c_proj.bias"] = normal(EMBD, std=0.1)
        w[p + "ln_2.weight"] = 1 + normal(EMBD, std=0.1)
        w[p + "ln_2.bias"] = normal(EMBD, std=0.1)
        w[p + "mlp.c_fc.weight"] = normal(EMBD, 4 * EMBD)
        w[p + "mlp.c_fc.bias"] = normal(4 * EMBD, std=0.1)
        w[p + "mlp.c_proj.weight"] = normal(4 * EMBD, EMBD)
        w[p + "mlp.c_proj.bias"] = normal(EMBD, std=0.1)
    w["transformer.ln_f.weight"] = 1 + normal(EMBD, std=0.1)
    w["transformer.ln_f.bias"] = normal(EMBD, std=0.1)
    return w


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


def forward(w, ids, layers=LAYERS, heads=HEADS, embd=EMBD, eps=EPS):
    b, t = ids.shape
    x = w["transformer.wte.weight"][ids] + w["transformer.wpe.weight"][torch.arange(t)]
    causal = torch.tril(torch.ones(t, t, dtype=torch.bool))
    d = embd // heads
    for i in range(layers):
        p = f"transformer.h.{i}."
        h = torch.nn.functional.layer_norm(x, (embd,), w[p + "ln_1.weight"], w[p + "ln_1.bias"], eps)
        q, k, v = (h @ w[p + "attn.c_attn.weight"] + w[p + "attn.c_attn.bias"]).split(embd, dim=2)
        q, k, v = (z.view(b, t, heads, d).transpose(1, 2) for z in (q, k, v))
        att = (q @ k.transpose(-2, -1)) / math.sqrt(d)
        att = att.masked_fill(~causal, float("-inf")).softmax(dim=-1)
        y = (att @ v).transpose(1, 2).reshape(b, t, embd)
        x = x + y @ w[p + "attn.c_proj.weight"] + w[p + "attn.c_proj.bias"]
        h = torch.nn.functional.layer_norm(x, (embd,), w[p + "ln_2.weight"], w[p + "ln_2.bias"], eps)
        x = x + gelu_new(h @ w[p + "mlp.c_fc.weight"] + w[p + "mlp.c_fc.bias"]) @ w[p + "mlp.c_proj.weight"] \
            + w[p + "mlp.c_proj.bias"]
    x = torch.nn.functional.layer_norm(x, (embd,), w["transformer.ln_f.weight"], w["transformer.ln_f.bias"], eps)
    return x @ w["transformer.wte.weight"].T  # tied head


def write_safetensors(path, tensors):
    header, offset, blobs = {"__metadata__": {"format": "pt"}}, 0, []
    for name, tensor in tensors.items():
        if tensor.dtype == torch.bool:
            dtype, data = "BOOL", tensor.contiguous().to(torch.uint8).numpy().tobytes()
        else:
            dtype, data = "F32", tensor.detach().contiguous().to(torch.float32).numpy().tobytes()
        header[name] = {"dtype": dtype, "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    encoded = json.dumps(header, separators=(",", ":")).encode()
    encoded += b" " * (-len(encoded) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        for blob in blobs:
            f.write(blob)


def main(out):
    generator = torch.Generator().manual_seed(20240521)
    weights = random_weights(generator)
    ids = torch.randint(0, VOCAB, (2, 12), generator=generator)
    with torch.no_grad():
        logits = forward(weights, ids)
    # what older transformers versions also wrote: the causal-mask buffers and the tied lm_head
    on_disk = dict(weights)
    for i in range(LAYERS):
        on_disk[f"transformer.h.{i}.attn.bias"] = torch.tril(torch.ones(POSITIONS, POSITIONS, dtype=torch.bool)).view(
            1, 1, POSITIONS, POSITIONS)
    on_disk["lm_head.weight"] = weights["transformer.wte.weight"]
    write_safetensors(f"{out}/model.safetensors", on_disk)
    write_safetensors(f"{out}/expected.safetensors", {"input_ids": ids.float(), "logits": logits})
    config = {"architectures": ["GPT2LMHeadModel"], "model_type": "gpt2", "vocab_size": VOCAB,
              "n_positions": POSITIONS, "n_ctx": POSITIONS, "n_embd": EMBD, "n_layer": LAYERS, "n_head": HEADS,
              "activation_function": "gelu_new", "layer_norm_epsilon": EPS, "resid_pdrop": 0.0,
              "embd_pdrop": 0.0, "attn_pdrop": 0.0, "bos_token_id": 0, "eos_token_id": 0}
    with open(f"{out}/config.json", "w") as f:
        json.dump(config, f, indent=2)
    print(f"torch {torch.__version__}: wrote {out} (logits {tuple(logits.shape)}, |logits| max {logits.abs().max():.3f})")


def read_safetensors(path):
    with open(path, "rb") as f:
        length = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(length))
        payload = f.read()
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        begin, end = info["data_offsets"]
        tensors[name] = torch.frombuffer(bytearray(payload[begin:end]), dtype=torch.float32).reshape(info["shape"])
    return tensors


def check(directory):
    with open(f"{directory}/config.json") as f:
        config = json.load(f)
    weights = read_safetensors(f"{directory}/model.safetensors")
    expected = read_safetensors(f"{directory}/expected.safetensors")
    ids = expected["input_ids"].long()
    with torch.no_grad():
        logits = forward(weights, ids, config["n_layer"], config["n_head"], config["n_embd"], config["layer_norm_epsilon"])
    worst = (logits - expected["logits"]).abs().max().item()
    print(f"torch {torch.__version__}: checkpoint written by ml, logits differ by at most {worst:.2e}")
    sys.exit(0 if worst < 1e-4 else 1)


if __name__ == "__main__":
    if sys.argv[1] == "check":
        check(sys.argv[2])
    else:
        main(sys.argv[1])
