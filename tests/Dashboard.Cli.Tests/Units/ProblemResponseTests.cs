using System.Net;
using Dashboard.Cli.Api;

namespace Dashboard.Cli.Tests.Units;

/// <summary>Mapping of HTTP error responses to exit codes and messages.</summary>
public sealed class ProblemResponseTests
{
    [Theory]
    [InlineData(HttpStatusCode.BadRequest, 2)]
    [InlineData(HttpStatusCode.Conflict, 2)]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, 2)]
    [InlineData(HttpStatusCode.Unauthorized, 5)]
    [InlineData(HttpStatusCode.Forbidden, 5)]
    [InlineData(HttpStatusCode.NotFound, 4)]
    [InlineData(HttpStatusCode.InternalServerError, 3)]
    [InlineData(HttpStatusCode.ServiceUnavailable, 3)]
    public void ToExceptionMapsStatusToExitCode(HttpStatusCode status, int exitCode)
    {
        var error = ProblemResponse.ToException(status, string.Empty, "GET api/v1/runs");

        Assert.Equal(exitCode, error.ExitCode);
    }

    [Fact]
    public void ToExceptionListsEachFieldMessage()
    {
        const string body = """
            {"title":"The launch request is invalid.","status":400,
             "errors":{"configuration.epochs":["Must be between 1 and 1000."],"name":["Too long.","Has a tab."]}}
            """;

        var error = ProblemResponse.ToException(HttpStatusCode.BadRequest, body, "POST api/v1/runs");

        Assert.Contains("The launch request is invalid.", error.Message);
        Assert.Equal(["configuration.epochs: Must be between 1 and 1000.", "name: Too long.", "name: Has a tab."], error.Details);
    }

    [Fact]
    public void ToExceptionUsesProblemDetail()
    {
        const string body = """{"title":"Run not found","status":404,"detail":"No run has the id 'abc'."}""";

        var error = ProblemResponse.ToException(HttpStatusCode.NotFound, body, "GET api/v1/runs/abc");

        Assert.Equal("No run has the id 'abc'.", error.Message);
    }

    [Fact]
    public void ToExceptionNamesTokenOptionOnUnauthorized()
    {
        var error = ProblemResponse.ToException(HttpStatusCode.Unauthorized, "<html>login</html>", "GET api/v1/runs");

        Assert.Contains("--token", error.Message);
        Assert.Contains("401", error.Message);
    }

    [Fact]
    public void ToExceptionOnForbiddenNamesRoleNotToken()
    {
        var error = ProblemResponse.ToException(
            HttpStatusCode.Forbidden, """{"title":"Forbidden","detail":"This needs the researcher role; victor has the viewer role."}""", "POST api/v1/runs");

        Assert.Equal(5, error.ExitCode);
        Assert.Contains("researcher role", error.Message);
        Assert.DoesNotContain("--token", error.Message);
    }

    [Fact]
    public void ToExceptionOnUnauthorizedHasOneFullStop()
    {
        var error = ProblemResponse.ToException(HttpStatusCode.Unauthorized, """{"detail":"Sign in or send a token."}""", "GET api/v1/runs");

        Assert.DoesNotContain("..", error.Message);
    }
}
