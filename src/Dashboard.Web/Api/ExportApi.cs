using Dashboard.Storage;
using Dashboard.Web.Export;
using Dashboard.Web.Sharing;

namespace Dashboard.Web.Api;

/// <summary>
/// Self-contained HTML exports of a run, and the files a shared page may load. Under <c>/share/{token}</c>
/// every request is checked against the token's scope, so a link to one run or group never reaches other runs.
/// </summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/runs/{id}/export.html", (string id, IRunStore runs, RunExporter exporter) => Export(id, runs, exporter));

        endpoints.MapGet("/share/{token}/export.html", (string token, ShareLinkService shares, IRunStore runs, RunExporter exporter) =>
            WithSharedRun(token, null, shares, runId => Export(runId, runs, exporter)));
        endpoints.MapGet("/share/{token}/runs/{runId}/export.html", (string token, string runId, ShareLinkService shares, IRunStore runs, RunExporter exporter) =>
            WithSharedRun(token, runId, shares, id => Export(id, runs, exporter)));

        endpoints.MapGet("/share/{token}/artifacts/{name}", (string token, string name, ShareLinkService shares, IRunStore runs, IArtifactStore artifacts) =>
            WithSharedRun(token, null, shares, runId => Artifact(runId, name, runs, artifacts)));
        endpoints.MapGet("/share/{token}/runs/{runId}/artifacts/{name}", (string token, string runId, string name, ShareLinkService shares, IRunStore runs, IArtifactStore artifacts) =>
            WithSharedRun(token, runId, shares, id => Artifact(id, name, runs, artifacts)));
        return endpoints;
    }

    private static IResult Export(string runId, IRunStore runs, RunExporter exporter)
    {
        var run = runs.Find(runId);
        if (run is null || exporter.Export(runId) is not { } html)
        {
            return Results.Problem($"No run has the id '{runId}'.", statusCode: StatusCodes.Status404NotFound);
        }

        // Sent as an attachment, so that a link or button saves the file instead of opening it in the tab.
        return Results.File(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", RunExporter.FileName(run));
    }

    private static IResult Artifact(string runId, string name, IRunStore runs, IArtifactStore artifacts)
    {
        var artifact = runs.Find(runId)?.Artifacts.FirstOrDefault(a => a.Name == name);
        if (artifact is null || artifacts.Open(runId, name) is not { } stream)
        {
            return Results.Problem($"The shared run has no artifact named '{name}'.", statusCode: StatusCodes.Status404NotFound);
        }

        return Results.Stream(stream, artifact.ContentType, fileDownloadName: artifact.Name);
    }

    /// <summary>
    /// Calls <paramref name="handle"/> with the run the token grants: the run of a run link when
    /// <paramref name="runId"/> is null, else <paramref name="runId"/> if the link covers it. Unknown tokens and
    /// runs outside the scope get 404; revoked and expired links get 410.
    /// </summary>
    private static IResult WithSharedRun(string token, string? runId, ShareLinkService shares, Func<string, IResult> handle)
    {
        var access = shares.Open(token);
        if (access.State is ShareLinkState.Revoked or ShareLinkState.Expired)
        {
            string detail = access.State == ShareLinkState.Revoked
                ? "This link was revoked."
                : $"This link expired on {access.Link!.ExpiresAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC.";
            return Results.Problem(detail, statusCode: StatusCodes.Status410Gone);
        }

        var link = access.Link;
        string? target = runId ?? (link?.Scope.Kind == ShareScopeKind.Run ? link.Scope.PrimaryId : null);
        if (link is null || target is null || !shares.Covers(link, target))
        {
            return Results.Problem("This link does not lead to that file.", statusCode: StatusCodes.Status404NotFound);
        }

        return handle(target);
    }
}
