// Every test class starts a dashboard, whose workers train with libtorch on all cores, and a browser.
// Running the classes one at a time keeps them from starving each other on a small machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
