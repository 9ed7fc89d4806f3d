using Dashboard.Core.Configuration;
using Dashboard.Storage;
using Dashboard.Web.Annotations;

namespace Dashboard.Web.Api;

/// <summary>
/// Changes to runs and groups after launch: name, tags and notes (<c>PATCH</c>), archive and unarchive, and
/// deleting a finished run with its metrics, logs and artifacts.
/// </summary>
public static class RunEditingApi
{
    public static IEndpointRouteBuilder MapRunEditingApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPatch("/api/v1/runs/{id}", AnnotateRunAsync);
        endpoints.MapPost("/api/v1/runs/{id}/archive", (string id, RunEditing editing) => SetArchivedAsync(id, true, editing));
        endpoints.MapPost("/api/v1/runs/{id}/unarchive", (string id, RunEditing editing) => SetArchivedAsync(id, false, editing));
        endpoints.MapDelete("/api/v1/runs/{id}", DeleteAsync);
        endpoints.MapPatch("/api/v1/groups/{id}", AnnotateGroup);
        return endpoints;
    }

    private static async Task<IResult> AnnotateRunAsync(string id, AnnotationBody body, RunEditing editing)
    {
        var result = await editing.AnnotateRunAsync(id, body.ToAnnotation());
        if (result.Errors.Count > 0)
        {
            return Invalid(result.Errors);
        }

        return result.Item is { } run ? Results.Ok(RunDto.From(run)) : RunNotFound(id);
    }

    private static IResult AnnotateGroup(string id, AnnotationBody body, RunEditing editing, IRunStore runs)
    {
        var result = editing.AnnotateGroup(id, body.ToAnnotation());
        if (result.Errors.Count > 0)
        {
            return Invalid(result.Errors);
        }

        return result.Item is { } group
            ? Results.Ok(GroupDto.From(group, runs.Find))
            : Results.Problem($"No group has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Group not found");
    }

    private static async Task<IResult> SetArchivedAsync(string id, bool archived, RunEditing editing) =>
        await editing.SetArchivedAsync(id, archived) is { } run ? Results.Ok(RunDto.From(run)) : RunNotFound(id);

    private static async Task<IResult> DeleteAsync(string id, RunEditing editing) => await editing.DeleteAsync(id) switch
    {
        RunDeletionResult.Deleted => Results.NoContent(),
        RunDeletionResult.NotFinished => Results.Problem(
            RunEditing.NotFinishedMessage(id), statusCode: StatusCodes.Status409Conflict, title: "Run not finished"),
        _ => RunNotFound(id),
    };

    private static IResult Invalid(IEnumerable<FieldError> errors) => ApiProblems.Validation(errors, "The change is invalid.");

    private static IResult RunNotFound(string id) =>
        Results.Problem($"No run has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Run not found");
}
