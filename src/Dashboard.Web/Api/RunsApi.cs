using System.Text.Json;
using Dashboard.Core.Configuration;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Compute;
using Dashboard.Web.Security;

namespace Dashboard.Web.Api;

/// <summary>
/// The HTTP API for runs: launch from JSON, get one, list, cancel, resume an Interrupted run, and read metric history. Invalid input
/// gets 400 with problem details whose <c>errors</c> map each field path to its messages.
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
                return ValidationProblem([new FieldError("status", $"Unknown status '{part}'; use {string.Join(", ", Enum.GetNames<RunStatus>())}.")]);
            }

            statuses.Add(parsed);
        }

        var archive = RunArchiveFilter.Active;
        if (archived is not null && (!Enum.TryParse(archived, ignoreCase: true, out archive) || !Enum.IsDefined(archive)))
        {
            return ValidationProblem([new FieldError("archived", $"Unknown archive filter '{archived}'; use active, archived or all.")]);
        }

        if (skip < 0 || take is < 1 or > 500)
        {
            return ValidationProblem([new FieldError(skip < 0 ? "skip" : "take", "skip must be 0 or more and take between 1 and 500.")]);
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
                $"Run {id} is {runs.Find(id)?.Status}; only Interrupted runs can be resumed.", statusCode: StatusCodes.Status409Conflict),
            _ => Results.Accepted($"/api/v1/runs/{id}", RunDto.From(runs.Find(id)!)),
        };
    }

    private static IResult Metrics(string id, IRunStore runs, IMetricStore metrics, string? metric = null)
    {
        if (runs.Find(id) is null)
        {
            return RunNotFound(id);
        }

        if (metric is not null)
        {
            return metrics.Read(id, metric) is { } batch ? Results.Ok(new[] { batch }) : Results.Ok(Array.Empty<object>());
        }

        return Results.Ok(metrics.Read(id));
    }

    private static IResult RunNotFound(string id) =>
        Results.Problem($"No run has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Run not found");

    private static IResult ValidationProblem(IEnumerable<FieldError> errors) =>
        ApiProblems.Validation(errors, "The launch request is invalid.");
}
