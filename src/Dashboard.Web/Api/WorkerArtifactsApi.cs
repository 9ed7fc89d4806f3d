using Dashboard.Core.Protocol;
using Dashboard.Storage;
using Dashboard.Web.Compute;

namespace Dashboard.Web.Api;

/// <summary>
/// Artifact upload for workers (authorised by the run token in <see cref="RunsHubContract.WorkerTokenHeader"/>)
/// and artifact download for users.
/// </summary>
public static class WorkerArtifactsApi
{
    /// <summary>Largest artifact a worker may upload in one request.</summary>
    public const long MaxArtifactBytes = 256L * 1024 * 1024;

    public static IEndpointRouteBuilder MapArtifactsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPut("/api/worker/runs/{id}/artifacts/{name}", UploadAsync);
        endpoints.MapGet("/api/v1/runs/{id}/artifacts/{name}", Download);
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(
        string id,
        string name,
        HttpRequest request,
        RunCoordinator coordinator,
        IArtifactStore artifacts,
        IRunStore runs)
    {
        var active = coordinator.FindActive(id);
        string? token = request.Headers[RunsHubContract.WorkerTokenHeader];
        if (active is null || token is null || !active.TokenMatches(token))
        {
            return Results.Problem("Only the worker of a running run may upload its artifacts.", statusCode: StatusCodes.Status403Forbidden);
        }

        if (request.ContentLength is null or > MaxArtifactBytes)
        {
            return Results.Problem($"Artifacts need a Content-Length of at most {MaxArtifactBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        using var buffer = new MemoryStream((int)request.ContentLength.Value);
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);

        Core.Runs.ArtifactInfo info;
        try
        {
            info = artifacts.Save(id, name, request.ContentType ?? "application/octet-stream", buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        catch (ArgumentException exception)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [exception.Message] });
        }

        lock (active)
        {
            active.Run.Artifacts.RemoveAll(a => a.Name == info.Name);
            active.Run.Artifacts.Add(info);
            runs.Update(active.Run);
        }

        return Results.Ok(info);
    }

    private static IResult Download(string id, string name, IRunStore runs, IArtifactStore artifacts)
    {
        var artifact = runs.Find(id)?.Artifacts.FirstOrDefault(a => a.Name == name);
        if (artifact is null || artifacts.Open(id, name) is not { } stream)
        {
            return Results.Problem($"Run '{id}' has no artifact named '{name}'.", statusCode: StatusCodes.Status404NotFound);
        }

        return Results.Stream(stream, artifact.ContentType, fileDownloadName: artifact.Name);
    }
}
