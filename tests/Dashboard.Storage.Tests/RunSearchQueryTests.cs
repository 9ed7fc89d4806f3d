using Dashboard.Core.Runs;

namespace Dashboard.Storage.Tests;

/// <summary>Search terms, tags, dates, archive state and measure sorting of <see cref="RunQuery"/>.</summary>
public sealed class RunSearchQueryTests : IDisposable
{
    private readonly TemporaryStorage _temporary = new();
    private readonly LiteDbRunStore _store;

    public RunSearchQueryTests()
    {
        _store = new LiteDbRunStore(_temporary.Storage);

        Insert("bad1", "badloss sweep", """{"learningRate":0.001,"defence":{"kind":"badLoss"},"attacks":[{"type":"patch"}]}""", minute: 1,
            tags: ["paper", "Sweep"], asr: 0.10);
        Insert("spec", "spectral", """{"learningRate":0.01,"defence":{"kind":"spectralSignatures"},"attacks":[{"type":"blend"}]}""", minute: 2,
            tags: ["paper"], asr: 0.40);
        Insert("none", "no defence", """{"learningRate":0.001,"defence":{"kind":"none"},"attacks":[{"type":"patch"}]}""", minute: 3,
            tags: [], asr: null);
        Insert("arch", "old badloss", """{"learningRate":0.001,"defence":{"kind":"badLoss"},"attacks":[{"type":"patch"}]}""", minute: 4,
            tags: ["paper"], asr: 0.20);
        _store.Edit("arch", run => run.ArchivedAt = SampleRuns.Epoch.AddHours(1));
    }

    public void Dispose() => _temporary.Dispose();

    [Fact]
    public void Query_ConfigurationPath_MatchesTextValue()
    {
        var page = _store.Query(new RunQuery { Search = "defence.kind:BADLOSS" });

        Assert.Equal(["bad1"], Ids(page));
    }

    [Fact]
    public void Query_ConfigurationPath_MatchesNumberNumerically()
    {
        var page = _store.Query(new RunQuery { Search = "learningRate:1e-3", Descending = false });

        Assert.Equal(["bad1", "none"], Ids(page));
    }

    [Fact]
    public void Query_ConfigurationArrayPath_MatchesElement()
    {
        var page = _store.Query(new RunQuery { Search = "attacks[0].type:blend" });

        Assert.Equal(["spec"], Ids(page));
    }

    [Fact]
    public void Query_PlainWords_MatchConfigurationText()
    {
        var page = _store.Query(new RunQuery { Search = "spectralSignatures" });

        Assert.Equal(["spec"], Ids(page));
    }

    [Fact]
    public void Query_PlainWords_MustAllMatch()
    {
        var page = _store.Query(new RunQuery { Search = "sweep 0.001" });

        Assert.Equal(["bad1"], Ids(page));
    }

    [Fact]
    public void Query_TagTerm_IgnoresCase()
    {
        var page = _store.Query(new RunQuery { Search = "tag:sweep" });

        Assert.Equal(["bad1"], Ids(page));
    }

    [Fact]
    public void Query_TagsFilter_RequiresEveryTag()
    {
        var page = _store.Query(new RunQuery { Tags = ["PAPER", "sweep"] });

        Assert.Equal(["bad1"], Ids(page));
    }

    [Fact]
    public void Query_Default_HidesArchivedRuns()
    {
        var page = _store.Query(new RunQuery());

        Assert.Equal(["none", "spec", "bad1"], Ids(page));
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public void Query_ArchivedFilter_ShowsOnlyArchived()
    {
        var page = _store.Query(new RunQuery { Archive = RunArchiveFilter.Archived });

        Assert.Equal(["arch"], Ids(page));
        Assert.Equal(1, page.Total);
    }

    [Fact]
    public void Query_AllArchiveStates_ShowsEveryRun()
    {
        Assert.Equal(4, _store.Query(new RunQuery { Archive = RunArchiveFilter.All }).Total);
    }

    [Fact]
    public void Query_Unarchived_ReturnsToDefaultList()
    {
        _store.Edit("arch", run => run.ArchivedAt = null);

        Assert.Contains("arch", Ids(_store.Query(new RunQuery())));
    }

    [Fact]
    public void Query_SearchWithArchiveFilter_CombinesBoth()
    {
        var page = _store.Query(new RunQuery { Search = "badloss", Archive = RunArchiveFilter.All, Descending = false });

        Assert.Equal(["bad1", "arch"], Ids(page));
    }

    [Fact]
    public void Query_CreatedRange_IncludesFromExcludesBefore()
    {
        var page = _store.Query(new RunQuery
        {
            CreatedFrom = SampleRuns.Epoch.AddMinutes(2),
            CreatedBefore = SampleRuns.Epoch.AddMinutes(3),
        });

        Assert.Equal(["spec"], Ids(page));
    }

    [Fact]
    public void Query_SortByMeasure_OrdersByValue()
    {
        var page = _store.Query(new RunQuery { SortBy = RunSortField.Measure, SortMeasure = "average_asr", Descending = true });

        Assert.Equal(["spec", "bad1", "none"], Ids(page));
    }

    [Fact]
    public void Query_InvalidMeasureKey_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            _store.Query(new RunQuery { SortBy = RunSortField.Measure, SortMeasure = "x') OR 1=1" }));
    }

    [Fact]
    public void Parse_InvalidPath_IsPlainText()
    {
        var terms = RunSearch.Parse("a'b:c \"two words\"");

        Assert.Equal(RunSearchTermKind.Text, terms[0].Kind);
        Assert.Equal("two words", terms[1].Value);
    }

    private void Insert(string id, string name, string configuration, int minute, List<string> tags, double? asr)
    {
        var run = SampleRuns.Create(id, name, status: RunStatus.Completed, minute: minute, configurationJson: configuration);
        run.Tags = tags;
        if (asr is { } value)
        {
            run.Summary = new RunSummary
            {
                HeadlineKey = "average_asr",
                Measures = [new SummaryMeasure("clean_accuracy", "Clean accuracy", 0.9), new SummaryMeasure("average_asr", "Average ASR", value)],
            };
        }

        _store.Insert(run);
    }

    private static List<string> Ids(RunPage page) => [.. page.Items.Select(run => run.Id)];
}
