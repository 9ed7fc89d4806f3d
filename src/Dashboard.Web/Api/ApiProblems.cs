using Dashboard.Core.Configuration;

namespace Dashboard.Web.Api;

/// <summary>Problem-details responses shared by the API endpoints.</summary>
internal static class ApiProblems
{
    /// <summary>Returns 400 with an <c>errors</c> object that maps each field path to its messages.</summary>
    public static IResult Validation(IEnumerable<FieldError> errors, string title) =>
        Results.ValidationProblem(
            errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title);
}
