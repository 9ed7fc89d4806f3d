using System.Text.Json;
using Dashboard.Core.Metrics;
using Dashboard.Web.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

/// <summary>
/// Adds to the OpenAPI document what the handlers cannot declare themselves: a summary and a tag per operation, and
/// the schemas of its bodies. Handlers that read the request body by hand get its schema here, and every operation
/// lists the problem responses it can return.
/// </summary>
internal static class ApiDocumentation
{
    private static readonly Dictionary<string, Operation> Operations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GET api/v1/kinds"] = new("Kinds", "List experiment kinds and their presets", 200, typeof(List<KindSummaryDto>)),
        ["GET api/v1/kinds/{id}"] = new("Kinds", "Get a kind's defaults and configuration schema", 200, typeof(KindDto), 404),
        ["GET api/v1/kinds/{id}/presets/{presetId}"] = new("Kinds", "Get a preset's full configuration", 200, typeof(PresetDto), 404),

        ["POST api/v1/runs"] = new("Runs", "Launch a run", 201, typeof(RunDto), 400, 413, 503) { Request = typeof(LaunchDocument) },
        ["GET api/v1/runs"] = new("Runs", "List runs by status, kind, search text, tags and archive state", 200, typeof(RunListDto), 400),
        ["GET api/v1/runs/{id}"] = new("Runs", "Get a run with its configuration and summary", 200, typeof(RunDto), 404),
        ["PATCH api/v1/runs/{id}"] = new("Runs", "Rename a run or change its tags and notes", 200, typeof(RunDto), 400, 404),
        ["DELETE api/v1/runs/{id}"] = new("Runs", "Delete a finished run with its metrics, logs and artifacts", 204, null, 404, 409),
        ["POST api/v1/runs/{id}/cancel"] = new("Runs", "Cancel a queued or running run", 202, typeof(RunDto), 404, 409),
        ["POST api/v1/runs/{id}/resume"] = new("Runs", "Resume an Interrupted run from its last checkpoint", 202, typeof(RunDto), 404, 409),
        ["POST api/v1/runs/{id}/archive"] = new("Runs", "Archive a run", 200, typeof(RunDto), 404),
        ["POST api/v1/runs/{id}/unarchive"] = new("Runs", "Return an archived run to the active list", 200, typeof(RunDto), 404),
        ["GET api/v1/runs/{id}/metrics"] = new("Metrics", "Read metric history, paged by step or reduced to a number of points", 200, typeof(MetricHistoryPage), 400, 404),
        ["GET api/v1/runs/{id}/metrics.csv"] = new("Metrics", "Download every metric point of a run as CSV", 200, null, 404),
        ["GET api/v1/runs/{id}/metrics.json"] = new("Metrics", "Download every metric point of a run as JSON", 200, null, 404),
        ["GET api/v1/runs/export.csv"] = new("Metrics", "Download the metric points of selected runs as CSV", 200, null, 400, 404),
        ["GET api/v1/runs/export.json"] = new("Metrics", "Download the metric points of selected runs as JSON", 200, null, 400, 404),
        ["GET api/v1/runs.csv"] = new("Runs", "Download the run table for the runs page's search and filters", 200, null, 400),
        ["GET api/v1/runs/{id}/configuration.json"] = new("Runs", "Download a run's configuration as a launch request", 200, null, 404),
        ["GET api/v1/runs/{id}/export.html"] = new("Runs", "Download a run's result page as one self-contained HTML file", 200, null, 404),
        ["GET api/v1/runs/{id}/artifacts/{name}"] = new("Runs", "Download an artifact of a run", 200, null, 404),

        ["POST api/v1/groups"] = new("Groups", "Launch a study group: one run per value of a varied field, or per trial of a sweep", 201, typeof(GroupDto), 400, 413, 503)
        {
            Request = typeof(GroupLaunchDocument),
        },
        ["GET api/v1/groups"] = new("Groups", "List study groups", 200, typeof(List<GroupDto>), 400),
        ["GET api/v1/groups/{id}"] = new("Groups", "Get a group with each member's status and summary", 200, typeof(GroupDto), 404),
        ["PATCH api/v1/groups/{id}"] = new("Groups", "Rename a group or change its tags and notes", 200, typeof(GroupDto), 400, 404),
        ["POST api/v1/groups/{id}/cancel"] = new("Groups", "Cancel a group's queued runs and stop its running ones", 200, typeof(Compute.GroupCancelResult), 404),

        ["POST api/v1/shares"] = new("Sharing", "Create a share link for a run, a group or a comparison", 201, typeof(ShareLinkDto), 400, 404),
        ["GET api/v1/shares"] = new("Sharing", "List share links, optionally those of one run or group", 200, typeof(List<ShareLinkDto>), 400),
        ["POST api/v1/shares/{id}/revoke"] = new("Sharing", "Revoke a share link", 200, typeof(ShareLinkDto), 404),
        ["GET api/v1/tokens"] = new("Account", "List your API tokens", 200, typeof(List<ApiTokenDto>), 401),
        ["POST api/v1/tokens"] = new("Account", "Create an API token; the response contains the secret once", 201, typeof(ApiTokenDto), 400, 401),
        ["POST api/v1/tokens/{id}/revoke"] = new("Account", "Revoke one of your API tokens", 200, typeof(ApiTokenDto), 401, 404),
        ["GET api/v1/users"] = new("Users", "List users and their roles (admin)", 200, typeof(List<UserDto>), 401, 403),
        ["POST api/v1/users"] = new("Users", "Create a user with a role and password (admin)", 201, typeof(UserDto), 400, 401, 403, 409),
        ["PATCH api/v1/users/{name}"] = new("Users", "Change a user's role or password (admin)", 200, typeof(UserDto), 400, 401, 403, 404, 409),
        ["DELETE api/v1/users/{name}"] = new("Users", "Delete a user (admin)", 204, null, 401, 403, 404, 409),

        ["GET share/{token}/export.html"] = new("Sharing", "Download a shared run's result page as HTML", 200, null, 404, 410),
        ["GET share/{token}/runs/{runId}/export.html"] = new("Sharing", "Download the result page of a run in a shared group or comparison", 200, null, 404, 410),
        ["GET share/{token}/artifacts/{name}"] = new("Sharing", "Download an artifact of a shared run", 200, null, 404, 410),
        ["GET share/{token}/runs/{runId}/artifacts/{name}"] = new("Sharing", "Download an artifact of a run in a shared group or comparison", 200, null, 404, 410),
    };

    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Kinds"] = "Experiment kinds, their configuration schema, defaults and presets.",
        ["Runs"] = "Launch, follow, cancel, resume, annotate, archive and delete runs; downloads of a run.",
        ["Metrics"] = "Metric history: pages, reduced curves and full downloads.",
        ["Groups"] = "Study groups: one configuration launched once per value of a varied field, or per trial of a hyper-parameter sweep.",
        ["Sharing"] = "Read-only links to a run, a group or a comparison.",
        ["Account"] = "API tokens of the signed-in user, for scripts and the command-line client.",
        ["Users"] = "Users and roles, managed by admins when sign-in is on.",
    };

    /// <summary>Registers the operation transformer, and a document transformer that lists the tags it uses.</summary>
    public static OpenApiOptions AddOperationDocumentation(this OpenApiOptions options)
    {
        options.AddOperationTransformer(DescribeAsync);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Tags = new HashSet<OpenApiTag>(Tags.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
            return Task.CompletedTask;
        });
        return options;
    }

    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        // A route group's root endpoint has a trailing slash in its relative path, for example "api/v1/runs/".
        string key = $"{context.Description.HttpMethod} {context.Description.RelativePath?.TrimEnd('/')}";
        if (!Operations.TryGetValue(key, out var described))
        {
            return;
        }

        operation.Summary = described.Summary;
        operation.Tags = new HashSet<OpenApiTagReference> { new(described.Tag, context.Document) };

        if (described.Request is { } requestType)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(requestType, null, cancellationToken) },
                },
            };
        }

        operation.Responses ??= [];
        operation.Responses.Clear();
        var success = new OpenApiResponse { Description = Reason(described.Status) };
        if (described.Body is { } bodyType)
        {
            success.Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(bodyType, null, cancellationToken) },
            };
        }

        operation.Responses[described.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = success;
        // With sign-in on, every API call may lack credentials, and every change may exceed the caller's role.
        var problems = new SortedSet<int>(described.Problems);
        if (key.Contains(" api/v1/", StringComparison.Ordinal))
        {
            problems.Add(401);
            if (context.Description.HttpMethod != "GET")
            {
                problems.Add(403);
            }
        }

        foreach (int status in problems)
        {
            var problemType = status == 400 ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = Reason(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = await context.GetOrCreateSchemaAsync(problemType, null, cancellationToken) },
                },
            };
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted: the change takes effect shortly",
        204 => "Deleted",
        400 => "Invalid request: errors maps each field path to its messages",
        401 => "Sign-in required: send a bearer token or a sign-in cookie",
        403 => "The signed-in user's role or ownership does not allow this",
        404 => "Not found",
        409 => "Conflict with the run's current state",
        410 => "The share link was revoked or has expired",
        413 => "Request body too large",
        503 => "Run queue full",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private sealed record Operation(string Tag, string Summary, int Status, Type? Body, params int[] Problems)
    {
        public Type? Request { get; init; }
    }

    /// <summary>The launch request body: a kind, and optionally a name, a preset and configuration fields.</summary>
    private class LaunchDocument
    {
        public required string Kind { get; init; }

        public string? Name { get; init; }

        /// <summary>Preset whose configuration the configuration fields are applied over.</summary>
        public string? Preset { get; init; }

        /// <summary>Configuration fields. Missing fields keep the preset's or the kind's defaults.</summary>
        public JsonElement? Configuration { get; init; }
    }

    /// <summary>A group launch: a launch request plus either the varied choice field and its values, or a sweep.</summary>
    private sealed class GroupLaunchDocument : LaunchDocument
    {
        public VaryDocument? Vary { get; init; }

        public SweepDocument? Sweep { get; init; }
    }

    /// <summary>A hyper-parameter sweep: every combination of the parameters (grid), or seeded random draws from them.</summary>
    private sealed class SweepDocument
    {
        /// <summary>"grid" (the default) or "random".</summary>
        public string? Method { get; init; }

        /// <summary>Number of random-search runs, at most 500.</summary>
        public int? Trials { get; init; }

        /// <summary>Seed of random search; drawn and stored with the group when left out.</summary>
        public int? Seed { get; init; }

        /// <summary>Largest number of the sweep's runs training at once.</summary>
        public int? MaxConcurrent { get; init; }

        /// <summary>Swept fields by path, such as "learningRate" or "defence.kind".</summary>
        public required Dictionary<string, SweepParameterDocument> Parameters { get; init; }
    }

    /// <summary>One swept field: a list of values, or a range from min to max.</summary>
    private sealed class SweepParameterDocument
    {
        public IReadOnlyList<JsonElement>? Values { get; init; }

        public double? Min { get; init; }

        public double? Max { get; init; }

        /// <summary>Grid step of a linear range.</summary>
        public double? Step { get; init; }

        /// <summary>Number of grid values of a range, both ends included.</summary>
        public int? Count { get; init; }

        /// <summary>"linear" (the default) or "log".</summary>
        public string? Scale { get; init; }
    }

    /// <summary>The varied field of a group launch and its values.</summary>
    private sealed class VaryDocument
    {
        public required string Field { get; init; }

        public required IReadOnlyList<string> Values { get; init; }
    }
}
