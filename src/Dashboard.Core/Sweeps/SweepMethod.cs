namespace Dashboard.Core.Sweeps;

/// <summary>How a sweep picks its trials from the parameter definitions.</summary>
public enum SweepMethod
{
    /// <summary>Every combination of the parameters' values (the Cartesian product).</summary>
    Grid,

    /// <summary>A fixed number of trials, each drawing every parameter independently from a seeded generator.</summary>
    Random,
}

/// <summary>How a numeric range is divided (grid) or sampled (random).</summary>
public enum SweepScale
{
    /// <summary>Evenly spaced values, or uniform sampling.</summary>
    Linear,

    /// <summary>Evenly spaced logarithms, or log-uniform sampling; the range must be positive.</summary>
    Log,
}
