// Each test drives real processes on a shared two-core machine and measures them: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
