using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Core.Runs;
using Dashboard.Storage;
using Dashboard.Web.Api;
using Dashboard.Web.Tests.Infrastructure;

namespace Dashboard.Web.Tests;

/// <summary>
/// Sweep launches against a server whose worker cannot start (a missing executable), so queued runs fail
/// quickly and these tests never train.
/// </summary>
public sealed class SweepsApiTests : IClassFixture<SweepsApiTests.Server>
{
    private readonly Server _server;

    public SweepsApiTests(Server server) => _server = server;

    [Fact]
    public async Task GridCreatesOneRunPerCombination()
    {
        using var response = await PostAsync("""
            {"kind":"backdoor","name":"lr sweep","preset":"quick-check",
             "sweep":{"method":"grid","maxConcurrent":2,"parameters":{
               "learningRate":{"min":1e-4,"max":1e-2,"scale":"log","count":3},
               "optimizer":{"values":["adamW","sgd"]}}}}
            """);
        string text = await response.Content.ReadAsStringAsync();
        var group = JsonSerializer.Deserialize<GroupDto>(text, ApiJson.Options)!;
        var configurations = group.Members.Select(m => JsonDocument.Parse(_server.Service<IRunStore>().Find(m.RunId)!.ConfigurationJson)).ToList();
        var pairs = configurations.Select(c => (c.RootElement.GetProperty("learningRate").GetDouble(), c.RootElement.GetProperty("optimizer").GetString())).ToList();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(
            [(1e-4, "adamW"), (1e-4, "sgd"), (1e-3, "adamW"), (1e-3, "sgd"), (1e-2, "adamW"), (1e-2, "sgd")],
            pairs);
        Assert.Equal(2, group.MaxConcurrent);
        Assert.Equal("grid", group.Sweep!.Value.GetProperty("method").GetString());
        Assert.Equal(6, group.Progress!.Total);
        Assert.Equal("sgd", group.Members[1].Parameters!["optimizer"].GetString());
        Assert.Equal(0.001, group.Members[2].Parameters!["learningRate"].GetDouble());
    }

    [Fact]
    public async Task SharedSettingsKeptInEveryTrial()
    {
        using var response = await PostAsync("""
            {"kind":"backdoor","configuration":{"epochs":1,"modelWidth":8},
             "sweep":{"parameters":{"seed":{"values":[1,2]}}}}
            """);
        var group = await response.Content.ReadFromJsonAsync<GroupDto>(ApiJson.Options);
        var runs = group!.Members.Select(m => _server.Service<IRunStore>().Find(m.RunId)!).ToList();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.All(runs, run => Assert.Contains("\"modelWidth\":8", run.ConfigurationJson));
        Assert.Contains("\"seed\":1", runs[0].ConfigurationJson);
        Assert.Contains("\"seed\":2", runs[1].ConfigurationJson);
        Assert.All(runs, run => Assert.Equal(group.Id, run.GroupId));
    }

    [Fact]
    public async Task RandomWithSameSeedRepeatsTrials()
    {
        const string Body = """
            {"kind":"backdoor","configuration":{"epochs":1},
             "sweep":{"method":"random","trials":5,"seed":11,"parameters":{
               "learningRate":{"min":1e-4,"max":1e-1,"scale":"log"},"batchSize":{"min":16,"max":256,"scale":"log"}}}}
            """;
        using var first = await PostAsync(Body);
        using var second = await PostAsync(Body);
        var firstGroup = await first.Content.ReadFromJsonAsync<GroupDto>(ApiJson.Options);
        var secondGroup = await second.Content.ReadFromJsonAsync<GroupDto>(ApiJson.Options);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(5, firstGroup!.Members.Count);
        Assert.Equal(firstGroup.Members.Select(m => m.Value), secondGroup!.Members.Select(m => m.Value));
        Assert.All(firstGroup.Members, m => Assert.Equal(JsonValueKind.Number, m.Parameters!["batchSize"].ValueKind));
        Assert.All(firstGroup.Members, m => Assert.True(m.Parameters!["batchSize"].TryGetInt32(out _)));
    }

    [Fact]
    public async Task RandomWithoutSeedStoresDrawnSeed()
    {
        using var response = await PostAsync("""
            {"kind":"backdoor","sweep":{"method":"random","trials":2,"parameters":{"momentum":{"min":0.5,"max":0.95}}}}
            """);
        var group = await response.Content.ReadFromJsonAsync<GroupDto>(ApiJson.Options);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(JsonValueKind.Number, group!.Sweep!.Value.GetProperty("seed").ValueKind);
        Assert.NotNull(_server.Service<IRunGroupStore>().Find(group.Id)!.Sweep!.Seed);
    }

    [Fact]
    public async Task UnknownFieldRejectedNamingPath()
    {
        var (before, groupsBefore) = Counts();
        using var response = await PostAsync("""
            {"kind":"backdoor","sweep":{"parameters":{"learningRate":{"values":[0.1,0.01]},"lerningRate":{"values":[0.1]}}}}
            """);
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("learningRate", errors["sweep.parameters.lerningRate"][0]);
        Assert.Equal((before, groupsBefore), Counts());
    }

    [Fact]
    public async Task LogRangeBelowZeroRejected()
    {
        var (before, groupsBefore) = Counts();
        using var response = await PostAsync("""
            {"kind":"backdoor","sweep":{"parameters":{"weightDecay":{"min":0,"max":0.01,"scale":"log","count":3}}}}
            """);
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("min > 0", errors["sweep.parameters.weightDecay.min"][0]);
        Assert.Equal((before, groupsBefore), Counts());
    }

    [Fact]
    public async Task TooManyTrialsRejected()
    {
        using var response = await PostAsync("""
            {"kind":"backdoor","sweep":{"method":"random","trials":1000,"seed":1,"parameters":{"seed":{"min":0,"max":100000}}}}
            """);
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("limit of 500", errors["sweep.trials"][0]);
    }

    [Fact]
    public async Task InvalidTrialConfigurationCreatesNothing()
    {
        var (before, groupsBefore) = Counts();
        using var response = await PostAsync("""
            {"kind":"backdoor","sweep":{"parameters":{"trainingSubsetSize":{"values":[1000,70000]}}}}
            """);
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("In trial 2", errors["configuration.trainingSubsetSize"][0]);
        Assert.Equal((before, groupsBefore), Counts());
    }

    [Fact]
    public async Task FieldNoTrialUsesRejected()
    {
        var (before, groupsBefore) = Counts();
        using var response = await PostAsync("""
            {"kind":"backdoor","configuration":{"defence":{"kind":"none"}},
             "sweep":{"parameters":{"defence.trajectoryEpochs":{"values":[2,4]}}}}
            """);
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("defence.kind", errors["sweep.parameters.defence.trajectoryEpochs"][0]);
        Assert.Equal((before, groupsBefore), Counts());
    }

    [Fact]
    public async Task FieldSomeTrialsUseAccepted()
    {
        using var response = await PostAsync("""
            {"kind":"backdoor","configuration":{"epochs":1},
             "sweep":{"parameters":{"defence.kind":{"values":["none","badLoss"]},"defence.trajectoryEpochs":{"values":[2,4]}}}}
            """);
        var group = await response.Content.ReadFromJsonAsync<GroupDto>(ApiJson.Options);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(4, group!.Members.Count);
    }

    [Fact]
    public async Task MalformedSweepPropertyRejected()
    {
        using var response = await PostAsync("""{"kind":"backdoor","sweep":{"method":"bayesian","parameters":{"seed":{"values":[1]}}}}""");
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"grid\" or \"random\"", errors["sweep.method"][0]);
    }

    [Fact]
    public async Task VaryAndSweepTogetherRejected()
    {
        using var response = await PostAsync("""
            {"kind":"backdoor","vary":{"field":"optimizer","values":["adamW","sgd"]},"sweep":{"parameters":{"seed":{"values":[1,2]}}}}
            """);
        var errors = await ErrorsAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not both", errors["body"][0]);
    }

    [Fact]
    public async Task CancelUnknownGroupIsNotFound()
    {
        using var client = _server.CreateClient();
        using var response = await client.PostAsync("/api/v1/groups/aaaaaaaaaaaa/cancel", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string body)
    {
        var client = _server.CreateClient();
        return await client.PostAsync("/api/v1/groups", new StringContent(body, Encoding.UTF8, "application/json"));
    }

    private static async Task<Dictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private (int Runs, int Groups) Counts() =>
        (_server.Service<IRunStore>().Query(new RunQuery { Take = 500 }).Total, _server.Service<IRunGroupStore>().List(0, 500).Count);

    public sealed class Server() : DashboardServerFixture(new Dictionary<string, string?>
    {
        ["Compute:WorkerExecutable"] = "/nonexistent/worker",
    });
}
