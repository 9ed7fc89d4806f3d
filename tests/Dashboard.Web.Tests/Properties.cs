// Tests start worker processes that train with libtorch on both cores; running them one at a time keeps
// timings and thread counts predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
