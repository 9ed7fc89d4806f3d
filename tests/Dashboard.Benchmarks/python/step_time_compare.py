"""Time training steps of the backdoor study's models in PyTorch and in TorchSharp, in one run.

The PyTorch models mirror the product's TorchSharp models layer by layer:

- SmallCnn (src/Dashboard.Training/Models/SmallCnn.cs) at the backdoor configuration's default width of
  32 on 1x28x28 Fashion-MNIST-shaped input: 3x3 convolution 1->32 with stride 2 and padding 1, ReLU,
  3x3 convolution 32->64 with stride 2 and padding 1, ReLU, flatten, linear 64*7*7->10. 50,186 parameters.
- ResNet18Cifar (ResNet18Cifar.cs and BasicBlock.cs there) on 3x32x32 input: 3x3 stride-1 stem convolution
  without bias, batch norm, ReLU, four stages of two basic blocks (64, 128, 256, 512 channels, stride 2
  from the second stage on, 1x1 convolution plus batch norm as the shortcut where the shape changes),
  global average pooling, linear 512->10. 11,173,962 parameters.

The training step mirrors tests/Dashboard.Benchmarks/PlainTrainingLoop.cs: zero the gradients, forward,
cross-entropy, backward, AdamW step (learning rate 1e-3, weight decay 1e-4, other settings at their
defaults), read the loss, on one fixed batch of uniform random images and random labels.

The TorchSharp side runs in the benchmark console's step-worker process. For every model and batch size
the script alternates blocks of steps between the two sides and swaps which side goes first every round,
so that load from other processes falls on both. Warm-up steps are excluded from the statistics. Both
sides use the same libtorch thread count and the same glibc malloc thresholds (the product sets them
before every run). The script fails when the two parameter counts differ or when a side's loss does not
fall.

Run it with Debian's PyTorch (python3-torch 1.13): /usr/bin/python3 step_time_compare.py [--quick].
"""

import argparse
import ctypes
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

SCRIPT_FOLDER = os.path.dirname(os.path.abspath(__file__))
DEFAULT_WORKER = os.path.join(SCRIPT_FOLDER, "..", "bin", "Release", "net10.0", "linux-x64", "Dashboard.Benchmarks")
SEED = 1
BOOTSTRAP_RESAMPLES = 2000

# glibc mallopt options and the values of src/Dashboard.Training/Torch/NativeAllocator.cs.
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 64 << 20
TRIM_THRESHOLD_BYTES = 256 << 20


class SmallCnn(nn.Module):
    def __init__(self, channels=1, side=28, classes=10, width=32):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, width, kernel_size=3, stride=2, padding=1)
        self.conv2 = nn.Conv2d(width, 2 * width, kernel_size=3, stride=2, padding=1)
        halved_twice = (side + 3) // 4
        self.classifier = nn.Linear(2 * width * halved_twice * halved_twice, classes)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        return self.classifier(x.flatten(start_dim=1))


class BasicBlock(nn.Module):
    def __init__(self, inputs, outputs, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(inputs, outputs, kernel_size=3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(outputs)
        self.conv2 = nn.Conv2d(outputs, outputs, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(outputs)
        if stride != 1 or inputs != outputs:
            self.shortcut = nn.Sequential(
                nn.Conv2d(inputs, outputs, kernel_size=1, stride=stride, bias=False), nn.BatchNorm2d(outputs))
        else:
            self.shortcut = nn.Identity()

    def forward(self, x):
        y = F.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return F.relu(y + self.shortcut(x))


class ResNet18Cifar(nn.Module):
    def __init__(self, channels=3, classes=10):
        super().__init__()
        self.stem = nn.Conv2d(channels, 64, kernel_size=3, stride=1, padding=1, bias=False)
        self.stem_norm = nn.BatchNorm2d(64)
        self.stages = nn.Sequential(
            BasicBlock(64, 64, 1), BasicBlock(64, 64, 1),
            BasicBlock(64, 128, 2), BasicBlock(128, 128, 1),
            BasicBlock(128, 256, 2), BasicBlock(256, 256, 1),
            BasicBlock(256, 512, 2), BasicBlock(512, 512, 1))
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.classifier = nn.Linear(512, classes)

    def forward(self, x):
        x = F.relu(self.stem_norm(self.stem(x)))
        x = self.stages(x)
        x = self.pool(x).flatten(start_dim=1)
        return self.classifier(x)


# Name, model factory and input shape; the names are those of the worker's BenchmarkModel.
MODELS = {
    "smallCnn": (SmallCnn, (1, 28, 28)),
    "resNet18": (ResNet18Cifar, (3, 32, 32)),
}


class Plan:
    """Warm-up steps, steps per block and rounds of one model, in quick or full mode."""

    def __init__(self, warmup, block, rounds):
        self.warmup, self.block, self.rounds = warmup, block, rounds


def plan_for(model, batch, quick):
    if model == "smallCnn":
        return Plan(10, 20, 3) if quick else Plan(20, 50, 7)
    if batch <= 64:
        return Plan(2, 1, 3) if quick else Plan(3, 3, 7)
    return Plan(2, 1, 3) if quick else Plan(3, 2, 7)


class PyTorchSide:
    """The PyTorch twin of PlainTrainingLoop: one model, its AdamW and one fixed random batch."""

    def __init__(self, name, batch):
        factory, shape = MODELS[name]
        torch.manual_seed(SEED)
        self.model = factory()
        self.optimizer = torch.optim.AdamW(self.model.parameters(), lr=1e-3, weight_decay=1e-4)
        # The worker also seeds again before drawing the batch, so both sides train on the same numbers.
        torch.manual_seed(SEED)
        self.images = torch.rand((batch,) + shape)
        self.labels = torch.randint(0, 10, (batch,))
        self.model.train()

    def parameters(self):
        return sum(p.numel() for p in self.model.parameters())

    def run(self, steps):
        seconds, losses = [], []
        for _ in range(steps):
            start = time.perf_counter()
            self.optimizer.zero_grad()
            loss = F.cross_entropy(self.model(self.images), self.labels)
            loss.backward()
            self.optimizer.step()
            losses.append(loss.item())
            seconds.append(time.perf_counter() - start)
        return seconds, losses


class TorchSharpSide:
    """The step-worker process of the benchmark console, driven one command line at a time."""

    def __init__(self, command):
        try:
            self.process = subprocess.Popen(
                command + ["step-worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        except FileNotFoundError:
            sys.exit(f"The TorchSharp worker {command[0]} was not found. "
                     "Build it first: dotnet build tests/Dashboard.Benchmarks -c Release")

    def send(self, line):
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        reply = self.process.stdout.readline()
        if not reply:
            sys.exit(f"The TorchSharp worker exited after the command '{line}'; its error output is above.")
        result = json.loads(reply)
        if "error" in result:
            sys.exit(f"The TorchSharp worker rejected '{line}': {result['error']}")
        return result

    def run(self, steps):
        result = self.send(f"run {steps}")
        return result["seconds"], result["losses"]

    def close(self):
        self.process.stdin.write("quit\n")
        self.process.stdin.close()
        self.process.wait(timeout=30)


def quantile(values, probability):
    ordered = sorted(values)
    position = probability * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (position - below) * (ordered[above] - ordered[below])


def bootstrap_interval(statistic, samples, seed=SEED):
    """Percentile-bootstrap 95% interval of statistic(*resamples), each sample resampled with replacement."""
    generator = random.Random(seed)
    values = []
    for _ in range(BOOTSTRAP_RESAMPLES):
        resamples = [[generator.choice(sample) for _ in sample] for sample in samples]
        values.append(statistic(*resamples))
    return quantile(values, 0.025), quantile(values, 0.975)


def summarise(seconds):
    low, high = bootstrap_interval(statistics.median, [seconds])
    return {
        "count": len(seconds),
        "median": statistics.median(seconds),
        "q1": quantile(seconds, 0.25),
        "q3": quantile(seconds, 0.75),
        "ci95": [low, high],
    }


def tune_malloc():
    libc = ctypes.CDLL("libc.so.6")
    return libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1 and libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES) == 1


def blas_info():
    match = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
    info = f"BLAS_INFO={match.group(1) if match else 'unknown'}"
    library = "/usr/lib/x86_64-linux-gnu/libblas.so.3"
    return f"{info}; {library} -> {os.path.realpath(library)}" if os.path.exists(library) else info


def matmul_gigaflops(size=1024, repeats=3):
    """Return PyTorch's median fp32 matrix-multiply GFLOP/s, which shows how fast its BLAS is."""
    a, b = torch.rand(size, size), torch.rand(size, size)
    torch.mm(a, b)
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        torch.mm(a, b)
        rates.append(2 * size ** 3 / (time.perf_counter() - start) / 1e9)
    return round(statistics.median(rates), 1)


def measure(name, batch, plan, sharp):
    python_side = PyTorchSide(name, batch)
    loaded = sharp.send(f"load {name} {batch} {SEED}")
    python_parameters = python_side.parameters()
    print(f"{name} batch {batch}: parameters PyTorch {python_parameters:,}, TorchSharp {loaded['parameters']:,}; "
          f"input {list(python_side.images.shape)} / {loaded['input']}")
    if python_parameters != loaded["parameters"]:
        sys.exit(f"Parameter counts differ for {name}: PyTorch {python_parameters}, TorchSharp {loaded['parameters']}. "
                 "The PyTorch twin no longer matches the product model.")
    if list(python_side.images.shape) != loaded["input"]:
        sys.exit(f"Input shapes differ for {name}: PyTorch {list(python_side.images.shape)}, TorchSharp {loaded['input']}.")

    sides = {"pytorch": python_side, "torchsharp": sharp}
    seconds = {side: [] for side in sides}
    losses = {side: [] for side in sides}
    for side, runner in sides.items():
        _, warmup_losses = runner.run(plan.warmup)
        losses[side].extend(warmup_losses)

    for round_index in range(plan.rounds):
        order = ["pytorch", "torchsharp"] if round_index % 2 == 0 else ["torchsharp", "pytorch"]
        for side in order:
            # Let the other side's OpenMP threads stop spinning before this side's clock starts.
            time.sleep(0.3)
            block_seconds, block_losses = sides[side].run(plan.block)
            seconds[side].extend(block_seconds)
            losses[side].extend(block_losses)

    del python_side
    ratio_low, ratio_high = bootstrap_interval(
        lambda sharp_times, python_times: statistics.median(sharp_times) / statistics.median(python_times),
        [seconds["torchsharp"], seconds["pytorch"]])
    return {
        "model": name,
        "batch": batch,
        "parameters": python_parameters,
        "warmupSteps": plan.warmup,
        "rounds": plan.rounds,
        "stepsPerBlock": plan.block,
        "pytorch": summarise(seconds["pytorch"]) | {"seconds": seconds["pytorch"], "losses": losses["pytorch"]},
        "torchsharp": summarise(seconds["torchsharp"]) | {"seconds": seconds["torchsharp"], "losses": losses["torchsharp"]},
        "ratio": statistics.median(seconds["torchsharp"]) / statistics.median(seconds["pytorch"]),
        "ratioCi95": [ratio_low, ratio_high],
    }


def table(results):
    headers = ["model", "batch", "parameters", "PyTorch median ms", "PyTorch IQR ms", "TorchSharp median ms",
               "TorchSharp IQR ms", "ratio TS/PT", "ratio 95% CI", "steps per side", "loss first -> last (PT / TS)"]
    rows = []
    for r in results:
        pt, ts = r["pytorch"], r["torchsharp"]
        rows.append([
            r["model"], str(r["batch"]), f"{r['parameters']:,}",
            f"{pt['median'] * 1e3:.1f}", f"{(pt['q3'] - pt['q1']) * 1e3:.1f}",
            f"{ts['median'] * 1e3:.1f}", f"{(ts['q3'] - ts['q1']) * 1e3:.1f}",
            f"{r['ratio']:.2f}", f"{r['ratioCi95'][0]:.2f}-{r['ratioCi95'][1]:.2f}", str(pt["count"]),
            f"{pt['losses'][0]:.4f}->{pt['losses'][-1]:.4f} / {ts['losses'][0]:.4f}->{ts['losses'][-1]:.4f}"])
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(headers)]
    text = "\n".join("  ".join(cell.rjust(widths[i]) for i, cell in enumerate(line)) for line in [headers] + rows)
    markdown = "\n".join(["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)] + ["| " + " | ".join(row) + " |" for row in rows])
    return text, markdown


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer warm-up steps, steps and rounds")
    parser.add_argument("--out", help="folder for step-time.json and step-time.md (default: print only)")
    parser.add_argument("--threads", type=int, default=os.cpu_count(), help="intra-op threads of both sides (default: logical CPUs)")
    parser.add_argument("--worker", default=DEFAULT_WORKER, help="TorchSharp benchmark console executable (default: the Release build)")
    parser.add_argument("--models", default="smallCnn,resNet18", help="comma-separated: smallCnn, resNet18")
    parser.add_argument("--batches", default="64,256", help="comma-separated batch sizes (default 64,256)")
    args = parser.parse_args()

    models = args.models.split(",")
    unknown = [m for m in models if m not in MODELS]
    if unknown:
        parser.error(f"unknown model(s) {unknown}; use smallCnn or resNet18")
    batches = [int(b) for b in args.batches.split(",")]

    torch.set_num_threads(args.threads)
    malloc_tuned = tune_malloc()
    sharp = TorchSharpSide([args.worker])
    worker_setup = sharp.send(f"threads {args.threads}")
    setup = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "mode": "quick" if args.quick else "full",
        "pytorch": torch.__version__,
        "pytorchThreads": torch.get_num_threads(),
        "pytorchBlas": blas_info(),
        "pytorchMatmul1024GflopsPerSecond": matmul_gigaflops(),
        "torchsharpThreads": worker_setup["threads"],
        "mallocTuned": {"pytorch": malloc_tuned, "torchsharp": worker_setup["allocatorTuned"]},
        "logicalCpus": os.cpu_count(),
    }
    print("== step-time: training step of the same model, optimiser and batch in PyTorch and TorchSharp")
    print(", ".join(f"{key} {value}" for key, value in setup.items()))

    results = []
    try:
        for name in models:
            for batch in batches:
                results.append(measure(name, batch, plan_for(name, batch, args.quick), sharp))
    finally:
        sharp.close()

    text, markdown = table(results)
    print()
    print(text)
    not_training = [f"{r['model']} batch {r['batch']} {side}" for r in results for side in ("pytorch", "torchsharp")
                    if not r[side]["losses"][-1] < r[side]["losses"][0]]
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, "step-time.json"), "w", encoding="utf-8") as file:
            json.dump({"benchmark": "step-time", "setup": setup, "results": results}, file, indent=2)
        with open(os.path.join(args.out, "step-time.md"), "w", encoding="utf-8") as file:
            file.write("## step-time\n\n" + ", ".join(f"{k}: {v}" for k, v in setup.items()) + "\n\n" + markdown + "\n")
        print(f"Results written to {args.out}/step-time.json and step-time.md.")
    if not_training:
        sys.exit(f"The loss did not fall from the first to the last step for: {', '.join(not_training)}.")


if __name__ == "__main__":
    main()
