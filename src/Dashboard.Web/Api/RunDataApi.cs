using Dashboard.Core.Configuration;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Compute;
using Dashboard.Web.Export;
using Dashboard.Web.RunList;

namespace Dashboard.Web.Api;

/// <summary>
/// Downloads of run data. Full metric histories come as CSV or JSON for one run or a selection. The run list comes as
/// CSV for the same search and filters as the runs page, and a run's configuration as a file the launch form loads.
/// </summary>
public static class RunDataApi
{
    /// <summary>Maximum number of runs in one selection export.</summary>
    public const int MaxExportRuns = 200;

    private const string CsvType = "text/csv; charset=utf-8";
    private const string JsonType = "application/json; charset=utf-8";

    public static IEndpointRouteBuilder MapRunDataApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/runs/{id}/metrics.csv", (string id, IRunStore runs, MetricHistoryExport export, HttpContext context) =>
            Single(id, runs, run => Metrics([run], export, csv: true, $"{run.Id}-metrics.csv", context.RequestAborted)));
        endpoints.MapGet("/api/v1/runs/{id}/metrics.json", (string id, IRunStore runs, MetricHistoryExport export, HttpContext context) =>
            Single(id, runs, run => Metrics([run], export, csv: false, $"{run.Id}-metrics.json", context.RequestAborted)));
        endpoints.MapGet("/api/v1/runs/export.csv", (string? ids, IRunStore runs, MetricHistoryExport export, HttpContext context) =>
            Selection(ids, runs, selected => Metrics(selected, export, csv: true, "runs-metrics.csv", context.RequestAborted)));
        endpoints.MapGet("/api/v1/runs/export.json", (string? ids, IRunStore runs, MetricHistoryExport export, HttpContext context) =>
            Selection(ids, runs, selected => Metrics(selected, export, csv: false, "runs-metrics.json", context.RequestAborted)));
        endpoints.MapGet("/api/v1/runs.csv", RunTable);
        endpoints.MapGet("/api/v1/runs/{id}/configuration.json", (string id, IRunStore runs) =>
            Single(id, runs, run => Results.File(
                System.Text.Encoding.UTF8.GetBytes(ConfigurationFile.Write(run)), JsonType, ConfigurationFile.FileName(run))));
        return endpoints;
    }

    private static IResult Single(string id, IRunStore runs, Func<RunRecord, IResult> respond) =>
        runs.Find(id) is { } run
            ? respond(run)
            : Results.Problem($"No run has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Run not found");

    private static IResult Selection(string? ids, IRunStore runs, Func<IReadOnlyList<RunRecord>, IResult> respond)
    {
        var requested = (ids ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (requested.Count is 0 or > MaxExportRuns)
        {
            return ApiProblems.Validation(
                [new FieldError("ids", $"Pass 1 to {MaxExportRuns} comma-separated run ids; {requested.Count} were given.")],
                "The export request is invalid.");
        }

        var selected = new List<RunRecord>();
        foreach (string id in requested)
        {
            if (runs.Find(id) is not { } run)
            {
                return Results.Problem($"No run has the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Run not found");
            }

            selected.Add(run);
        }

        return respond(selected);
    }

    private static IResult Metrics(IReadOnlyList<RunRecord> runs, MetricHistoryExport export, bool csv, string fileName, CancellationToken cancellationToken) =>
        Results.Stream(
            async stream =>
            {
                if (csv)
                {
                    await export.WriteCsvAsync(stream, runs, cancellationToken);
                }
                else
                {
                    await export.WriteJsonAsync(stream, runs, cancellationToken);
                }
            },
            csv ? CsvType : JsonType,
            fileName);

    private static IResult RunTable(HttpRequest request, RunTableCsv table)
    {
        var state = RunListState.Parse(request.Query, out var errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors, "The run list filters are invalid.");
        }

        return Results.Stream(stream => table.WriteAsync(stream, state, request.HttpContext.RequestAborted), CsvType, "runs.csv");
    }
}
