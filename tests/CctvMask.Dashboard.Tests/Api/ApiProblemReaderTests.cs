using System.Net;
using CctvMask.Dashboard.Api;

namespace CctvMask.Dashboard.Tests.Api;

public sealed class ApiProblemReaderTests
{
    [Fact]
    public void Validation_problem_keeps_field_errors_case_insensitively()
    {
        const string body = """{"title":"One or more validation errors occurred.","status":400,"errors":{"url":["The camera URL is required."],"detectFps":["Detect fps must be between 0.2 and 30."]}}""";

        var ex = ApiProblemReader.FromBody(HttpStatusCode.BadRequest, body, "Bad Request");

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("The camera URL is required.", ex.FieldError("URL"));
        Assert.Equal("Detect fps must be between 0.2 and 30.", ex.FieldError("detectFps"));
        Assert.Null(ex.FieldError("name"));
        Assert.StartsWith("One or more validation errors", ex.Message);
    }

    [Fact]
    public void Problem_details_message_joins_title_and_detail()
    {
        var ex = ApiProblemReader.FromBody(HttpStatusCode.Forbidden, """{"title":"Forbidden.","detail":"This API key's role may not perform this operation."}""", "Forbidden");

        Assert.True(ex.IsForbidden);
        Assert.Equal("Forbidden. This API key's role may not perform this operation.", ex.Message);
        Assert.Empty(ex.FieldErrors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html>oops</html>")]
    [InlineData("[1,2]")]
    public void Non_problem_bodies_fall_back_to_the_status_line(string body)
    {
        var ex = ApiProblemReader.FromBody(HttpStatusCode.BadGateway, body, "Bad Gateway");
        Assert.Equal("The API answered 502 Bad Gateway", ex.Message);
    }
}
