using Dashboard.Core.Runs;

namespace Dashboard.Web.Api;

/// <summary>
/// Body of <c>PATCH /api/v1/runs/{id}</c> and <c>PATCH /api/v1/groups/{id}</c>: <c>{"name", "tags", "notes"}</c>, each
/// optional. A missing property keeps the stored value; <c>"notes": ""</c> clears the notes.
/// </summary>
public sealed record AnnotationBody(string? Name, List<string>? Tags, string? Notes)
{
    public Annotation ToAnnotation() => new(Name, Tags, Notes);
}
