// Workers train with TorchSharp on the machine's cores; runs from parallel tests would only slow each other down.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
