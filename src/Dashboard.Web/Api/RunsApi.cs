using System.Text.Json;
using Dashboard.Core.Configuration;
using Dashboard.Core.Metrics;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Compute;
using Dashboard.Web.Security;

namespace Dashboard.Web.Api;

/// <summary>
/// The HTTP API for runs: launch from JSON, get one, list, cancel, resume an Interrupted run, and read metric history
/// (paged by step, optionally downsampled). Invalid input gets 400 with problem details whose <c>errors</c> map each
/// field path to its messages.
/// </summary>
public static class RunsApi
{
    /// <summary>Largest launch request body accepted.</summary>
    public const int MaxLaunchBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/runs");
        group.MapPost("/", LaunchAsync);
        group.MapGet("/", List);
        group.MapGet("/{id}", Get);
        group.MapPost("/{id}/cancel", CancelAsync);
        group.MapPost("/{id}/resume", ResumeAsync);
        group.MapGet("/{id}/metrics", Metrics);
        return endpoints;
    }

    private static async Task<IResult> LaunchAsync(HttpRequest request, RunLauncher launcher)
    {
        var body = await LaunchBody.ReadAsync(request, MaxLaunchBodyBytes);
        if (body.Error is { } bodyError)
        {
            return body.TooLarge
                ? Results.Problem(bodyError, statusCode: StatusCodes.Status413PayloadTooLarge)
                : ValidationProblem([new FieldError("body", bodyError)]);
        }

        var result = await launcher.LaunchAsync(body.Request! with { Owner = DashboardRoles.OwnerName(request.HttpContext.User) });
        if (result.Rejection is { } rejection)
        {
            return Results.Problem(rejection, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Run queue full");
        }

        if (!result.Succeeded)
        {
            return ValidationProblem(result.Errors);
        }

        return Results.Created($"/api/v1/runs/{result.Run!.Id}", RunDto.From(result.Run));
    }

    private static IResult Get(string id, IRunStore runs) =>
        runs.Find(id) is { } run ? Results.Ok(RunDto.From(run)) : RunNotFound(id);

    private static IResult List(
        IRunStore runs,
        string? status = null,
        string? kind = null,
        string? search = null,
        string? tags = null,
        string? archived = null,
        int skip = 0,
        int take = 50)
    {
        var statuses = new List<RunStatus>();
        foreach (string part in (status ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<RunStatus>(part, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ListProblem([new FieldError("status", $"Unknown status '{part}'; use {string.Join(", ", Enum.GetNames<RunStatus>())}.")]);
            }

            statuses.Add(parsed);
        }

        var archive = RunArchiveFilter.Active;
        if (archived is not null && (!Enum.TryParse(archived, ignoreCase: true, out archive) || !Enum.IsDefined(archive)))
        {
            return ListProblem([new FieldError("archived", $"Unknown archive filter '{archived}'; use active, archived or all.")]);
        }

        if (skip < 0 || take is < 1 or > 500)
        {
            return ListProblem([new FieldError(skip < 0 ? "skip" : "take", "skip must be 0 or more and take between 1 and 500.")]);
        }

        var page = runs.Query(new RunQuery
        {
            Statuses = statuses.Count > 0 ? statuses : null,
            Kind = kind,
            Search = search,
            Tags = Annotation.ParseTags(tags),
            Archive = archive,
            Skip = skip,
            Take = take,
        });
        return Results.Ok(new RunListDto([.. page.Items.Select(RunDto.From)], page.Total, skip, take));
    }

    private static async Task<IResult> CancelAsync(string id, RunCoordinator coordinator, IRunStore runs)
    {
        var result = await coordinator.CancelAsync(id);
        return result switch
        {
            CancelResult.NotFound => RunNotFound(id),
            CancelResult.AlreadyFinished => Results.Problem($"Run {id} has already ended.", statusCode: StatusCodes.Status409Conflict),
            _ => Results.Accepted($"/api/v1/runs/{id}", RunDto.From(runs.Find(id)!)),
        };
    }

    private static async Task<IResult> ResumeAsync(string id, RunCoordinator coordinator, IRunStore runs)
    {
        var result = await coordinator.ResumeAsync(id);
        return result switch
        {
            ResumeResult.NotFound => RunNotFound(id),
            ResumeResult.NotInterrupted => Results.Problem(
                $"Run {id} is {runs.Find(id)?.Status}; only Interrupted runs, and Failed runs with a checkpoint, can be resumed.", statusCode: StatusCodes.Status409Conflict),
            _ => Results.Accepted($"/api/v1/runs/{id}", RunDto.From(runs.Find(id)!)),
        };
    }

    private static IResult Metrics(
        string id, IRunStore runs, IMetricStore metrics, string? metric = null, long? afterStep = null, int? take = null, int? points = null)
    {
        if (runs.Find(id) is null)
        {
            return RunNotFound(id);
        }

        if (take is < 1 or > MetricHistoryPage.MaxTake)
        {
            return ApiProblems.Validation(
                [new FieldError("take", $"take is {take}; use a page size between 1 and {MetricHistoryPage.MaxTake}.")], "The metrics request is invalid.");
        }

        if (points is < 4 or > 100_000)
        {
            return ApiProblems.Validation(
                [new FieldError("points", $"points is {points}; use between 4 and 100000 points per metric, or leave it out for every point.")],
                "The metrics request is invalid.");
        }

        var names = (metric ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        IReadOnlyList<MetricBatch> batches = names.Length == 0
            ? metrics.Read(id)
            : [.. names.Select(name => metrics.Read(id, name)).OfType<MetricBatch>()];

        // A downsampled read covers the whole history by default; a plain read is paged.
        int pageSize = take ?? (points is null ? MetricHistoryPage.DefaultTake : int.MaxValue);
        return Results.Ok(MetricHistoryPage.Create(batches, afterStep, pageSize, points));
    }

    private static IResult RunNotFound(string id) =>
        Results.Problem($"No run has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Run not found");

    private static IResult ListProblem(IEnumerable<FieldError> errors) =>
        ApiProblems.Validation(errors, "The run list request is invalid.");

    private static IResult ValidationProblem(IEnumerable<FieldError> errors) =>
        ApiProblems.Validation(errors, "The launch request is invalid.");
}
