namespace Dashboard.Core.Experiments;

/// <summary>A named configuration, such as a paper's setting. <see cref="Create"/> returns a new object each call.</summary>
public sealed record ExperimentPreset(string Id, string Name, string Description, Func<object> Create);
