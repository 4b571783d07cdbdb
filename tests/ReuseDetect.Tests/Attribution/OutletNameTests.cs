using ReuseDetect.Attribution;

namespace ReuseDetect.Tests.Attribution;

/// <summary>Canonical outlet names, the curated agency table and outlet identity.</summary>
public sealed class OutletNameTests
{
    [Theory]
    [InlineData("Radio Free Europe / Radio Liberty, Inc.", "RFE/RL")]
    [InlineData("ITAR-TASS", "TASS")]
    [InlineData("tass.ru", "TASS")]
    [InlineData("Thomson Reuters", "Reuters")]
    [InlineData("reuters.com", "Reuters")]
    [InlineData("The Associated Press", "AP")]
    [InlineData("apnews.com", "AP")]
    [InlineData("Agence France-Presse", "AFP")]
    [InlineData("afp.com", "AFP")]
    [InlineData("RIA Novosti", "RIA Novosti")]
    [InlineData("ria.ru", "RIA Novosti")]
    [InlineData("xinhuanet.com", "Xinhua")]
    [InlineData("rferl.org", "RFE/RL")]
    [InlineData("www.azatutyun.am", "RFE/RL")]
    [InlineData("www.svoboda.org", "RFE/RL")]
    [InlineData("AA", "Anadolu Agency")]
    [InlineData("aa.com.tr", "Anadolu Agency")]
    [InlineData("Anadolu Agency", "Anadolu Agency")]
    [InlineData("armenpress.am", "Armenpress")]
    [InlineData("Deutsche Presse-Agentur", "dpa")]
    [InlineData("Press Trust of India", "PTI")]
    [InlineData("Yonhap News Agency", "Yonhap")]
    [InlineData("Reuters News Agency", "Reuters")]
    [InlineData("interfax.ru", "Interfax")]
    [InlineData("bloomberg.com", "Bloomberg")]
    [InlineData("efe.com", "EFE")]
    [InlineData("ansa.it", "ANSA")]
    [InlineData("english.kyodonews.net", "Kyodo")]
    [InlineData("en.yna.co.kr", "Yonhap")]
    [InlineData("ptinews.com", "PTI")]
    [InlineData("unian.info", "UNIAN")]
    [InlineData("ukrinform.net", "Ukrinform")]
    [InlineData("sputniknews.com", "Sputnik")]
    [InlineData("apa.az", "APA")]
    [InlineData("en.trend.az", "Trend")]
    [InlineData("bta.bg", "BTA")]
    [InlineData("dpa.com", "dpa")]
    [InlineData("Reuters Institute", "Reuters Institute")]
    [InlineData("Trend Micro", "Trend Micro")]
    [InlineData("Hetq Online", "Hetq Online")]
    [InlineData("Bobby Stokes'", "Bobby Stokes")]
    [InlineData("Copyright", null)]
    [InlineData("Sunday", null)]
    [InlineData("Journal", null)]
    public void Should_canonicalise_outlet_names(string printed, string? canonical) =>
        Assert.Equal(canonical, CreditLineDetector.Canonical(printed));

    [Theory]
    [InlineData("Daily Courier", "dailycourier.com", true)]
    [InlineData("The Daily Courier", "www.dailycourier.com", true)]
    [InlineData("Outlet Media Group", "outlet.com", true)]
    [InlineData("Daily-Courier", "DAILY COURIER", true)]
    [InlineData("news.bbc.co.uk", "BBC", true)]
    [InlineData("RFE/RL", "azatutyun.am", true)]
    [InlineData("Reuters", "reuters.com", true)]
    [InlineData("Radio Free Europe/Radio Liberty", "rferl.org", true)]
    [InlineData("Daily Courier", "Daily Planet", false)]
    [InlineData("AP", "AFP", false)]
    [InlineData("Reuters", "Reuters Institute", false)]
    [InlineData("", "", false)]
    public void Should_tell_whether_two_names_denote_one_outlet(string a, string b, bool same)
    {
        Assert.Equal(same, CreditLineDetector.SameOutlet(a, b));
        Assert.Equal(same, CreditLineDetector.SameOutlet(b, a));
    }

    [Fact]
    public void Should_know_the_curated_agencies_only()
    {
        Assert.True(new CreditLine("Reuters", "(Reuters)", 0, 9, CreditKinds.SignOff).Agency);
        Assert.True(CreditLineDetector.IsKnown("Ukrinform"));
        Assert.False(new CreditLine("Daily Courier", "By X | Daily Courier", 0, 20, CreditKinds.Byline).Agency);
    }

    [Fact]
    public void Should_compare_and_canonicalise_agency_names_without_allocating()
    {
        // Given warm tables
        for (int i = 0; i < 3; i++)
        {
            CreditLineDetector.SameOutlet("The Daily Courier", "www.dailycourier.com");
            CreditLineDetector.Canonical("Radio Free Europe / Radio Liberty, Inc.");
        }
        // When
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool same = CreditLineDetector.SameOutlet("The Daily Courier", "www.dailycourier.com")
            & CreditLineDetector.SameOutlet("Radio Free Europe/Radio Liberty", "rferl.org");
        string? rferl = CreditLineDetector.Canonical("Radio Free Europe / Radio Liberty, Inc.");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // Then no regex, sort or string was made
        Assert.True(same);
        Assert.Equal("RFE/RL", rferl);
        Assert.Equal(0, allocated);
    }
}
