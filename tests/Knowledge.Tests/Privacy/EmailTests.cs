using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Tests.Privacy;

public sealed class EmailTests
{
    [Theory]
    [InlineData("mail naar piet.devries@example.nl.", "Email=piet.devries@example.nl")]
    [InlineData("j_jansen+jeugd@gemeente-groningen.nl schreef", "Email=j_jansen+jeugd@gemeente-groningen.nl")]
    [InlineData("contact: a.b@c.co.uk, of c@d.org", "Email=a.b@c.co.uk", "Email=c@d.org")]
    [InlineData("<mailto:x@y.com>", "Email=x@y.com")]
    public void Scan_EmailAddress_ReportsExactSpan(string text, params string[] expected) =>
        Expected.Scan(text, expected);

    [Theory]
    [InlineData("user@localhost is geen adres")]
    [InlineData("volg @jeugdzorg")]
    [InlineData("piet@example.n1")]
    [InlineData(".piet@example.nl")]
    [InlineData("piet@")]
    public void Scan_NoEmailAddress_ReportsNothing(string text) =>
        Assert.Empty(PrivacyGuard.Scan(text));
}
