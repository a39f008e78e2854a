using System.Text.Json;
using Collector.Core.Platforms;
using Collector.Platforms.X;

namespace Collector.Platforms.Tests.X;

/// <summary>Per-resource problems from the recorded and fixture bodies of platform-apis.md §1.</summary>
public sealed class XProblemsTests
{
    [Theory]
    [InlineData("""{"detail":"Could not find user with username: [TwitterDec].","title":"Not Found Error","resource_type":"user","parameter":"username","value":"TwitterDec","type":"https://api.twitter.com/2/problems/resource-not-found"}""", PlatformErrorKind.NotFound)]
    [InlineData("""{"parameter":"username","resource_id":"adfldf","value":"adfldf","detail":"User has been suspended: [adfldf].","title":"Forbidden","resource_type":"user","type":"https://api.twitter.com/2/problems/resource-not-found"}""", PlatformErrorKind.Suspended)]
    [InlineData("""{"detail":"User has been suspended: [adfldf].","title":"Not Found Error","type":"https://api.x.com/2/problems/resource-not-found"}""", PlatformErrorKind.Suspended)]
    [InlineData("""{"detail":"Sorry, you are not authorized to see the user with id: [1500850517966311430].","parameter":"id","resource_id":"1500850517966311430","resource_type":"user","section":"data","title":"Authorization Error","type":"https://api.twitter.com/2/problems/not-authorized-for-resource","value":"1500850517966311430"}""", PlatformErrorKind.Protected)]
    [InlineData("""{"title":"Something New","type":"https://api.x.com/2/problems/something-new","value":"a"}""", PlatformErrorKind.InvalidResponse)]
    public void ProblemTypes_MapToKinds(string json, PlatformErrorKind expected)
    {
        var problem = Read(json);

        Assert.Equal(expected, XProblems.KindOf(problem));
    }

    [Fact]
    public void NumericValueAndResourceId_AreReadAsText()
    {
        var problem = Read("""{"value":1500850517966311430,"resource_id":42,"type":"https://api.x.com/2/problems/resource-not-found"}""");

        Assert.Equal(("1500850517966311430", "42"), (problem.ValueText, problem.ResourceIdText));
    }

    [Fact]
    public void Messages_NameTheAccount_AndKeepXsDetail()
    {
        var error = XProblems.ToError(
            Read("""{"detail":"User has been suspended: [adfldf].","title":"Forbidden","type":"https://api.twitter.com/2/problems/resource-not-found"}"""),
            "@adfldf");

        Assert.Equal(new PlatformError(PlatformErrorKind.Suspended, "x: @adfldf is suspended (User has been suspended: [adfldf].)"), error);
    }

    private static XModels.ResourceProblem Read(string json) =>
        JsonSerializer.Deserialize($$"""{"errors":[{{json}}]}""", XJsonContext.Default.UsersResponse)!.Errors!.Single();
}
