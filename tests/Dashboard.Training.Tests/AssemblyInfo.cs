// TorchSharp tests share libtorch's global state (thread count, random seed, dispose statistics), so
// they must not run in parallel.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
