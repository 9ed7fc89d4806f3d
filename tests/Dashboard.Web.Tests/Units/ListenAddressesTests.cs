using Dashboard.Web.Security;
using Microsoft.Extensions.Configuration;

namespace Dashboard.Web.Tests.Units;

public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("https://LOCALHOST:5001/", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("http://lab-server:5080", false)]
    public void IsLoopbackClassifiesHost(string url, bool expected) =>
        Assert.Equal(expected, ListenAddresses.IsLoopback(url));

    [Fact]
    public void ConfiguredReadsEverySource()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:5080; http://10.0.0.5:5080",
            ["Kestrel:Endpoints:Lan:Url"] = "http://0.0.0.0:6000",
            ["http_ports"] = "8080",
        }).Build();

        var urls = ListenAddresses.Configured(configuration);

        Assert.Equal(["http://127.0.0.1:5080", "http://10.0.0.5:5080", "http://0.0.0.0:6000", "http://*:8080"], urls);
    }

    [Fact]
    public void ConfiguredDefaultsToKestrelDefault() =>
        Assert.Equal([ListenAddresses.DefaultUrl], ListenAddresses.Configured(new ConfigurationBuilder().Build()));
}
