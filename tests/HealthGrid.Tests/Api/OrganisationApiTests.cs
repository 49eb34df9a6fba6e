using System.Net;
using System.Text;
using System.Text.Json;
using HealthGrid.Api.Organisation;
using HealthGrid.Domain.Accounts;
using HealthGrid.Domain.Customers;
using HealthGrid.Domain.Projections;
using HealthGrid.Grains.Projections;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

[Collection(EmbeddedSiloCollection.Name)]
public sealed class OrganisationApiTests(EmbeddedSiloFixture fixture)
{
    private HttpClient Http => fixture.Silo.Http;

    [Fact]
    public async Task A_customer_is_created_then_replaced_and_read_with_its_live_health()
    {
        var account = await CreateAccountAsync(Http);
        var id = NewId("cust");
        using var created = await Http.PutJsonAsync($"/api/v1/customers/{id}", Customer(account));
        using var replaced = await Http.PutJsonAsync($"/api/v1/customers/{id}", Customer(account, tier: "platinum"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        var view = await Http.GetJsonAsync<CustomerView>($"/api/v1/customers/{id}");
        Assert.Equal(Tier.Platinum, view.Profile.Tier);
        Assert.Equal(HealthBand.Healthy, view.Health.Band);
        Assert.Equal(7, view.Health.Components.Length);
        Assert.NotEmpty(view.Health.Churn.Factors);
    }

    [Fact]
    public async Task Invalid_customers_are_refused_field_by_field()
    {
        var account = await CreateAccountAsync(Http);
        var body = new
        {
            accountId = account, name = "", tier = "diamond", segment = "smb", region = "EU", criticality = "high", revenue = -5,
            dependencies = new object[] { new { type = "journey_stage", id = "moon", recoveryHours = 4 }, new { type = "volcano", id = "v", recoveryHours = -1 } },
        };
        using var response = await Http.PutJsonAsync($"/api/v1/customers/{NewId("cust")}", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadAsync<ValidationProblemDetails>()).Errors.Keys;
        Assert.Superset(new HashSet<string> { "name", "tier", "revenue", "dependencies[0].id", "dependencies[1].type", "dependencies[1].recoveryHours" }, errors.ToHashSet());
    }

    [Fact]
    public async Task A_customer_of_an_unknown_account_is_refused_naming_accountId()
    {
        using var response = await Http.PutJsonAsync($"/api/v1/customers/{NewId("cust")}", Customer(NewId("acct")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("accountId", (await response.ReadAsync<ValidationProblemDetails>()).Errors.Keys);
    }

    [Fact]
    public async Task Unknown_customers_and_accounts_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/v1/customers/{NewId("none")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/v1/customers/{NewId("none")}/score-history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/v1/accounts/{NewId("none")}")).StatusCode);
    }

    [Fact]
    public async Task The_customer_list_filters_by_account_and_band_least_healthy_first()
    {
        var account = await CreateAccountAsync(Http);
        var troubled = await CreateCustomerAsync(Http, account);
        var fine = await CreateCustomerAsync(Http, account);
        var events = Enumerable.Range(0, 8).Select(_ => Complaint(troubled)).Append(Survey(troubled, "csat", 1)).Append(Survey(troubled, "nps", 0)).ToList();
        using var posted = await Http.PostJsonAsync("/api/v1/events/batch", new { events });
        posted.EnsureSuccessStatusCode();

        // The directory is a projection: written by this server's next flush, run now and awaited.
        await fixture.Silo.Service<ProjectionPublisher>().FlushAsync();
        var page = await Http.GetJsonAsync<CustomerPage>($"/api/v1/customers?accountId={account}");
        Assert.Equal((2, troubled), (page.Total, page.Items[0].Id));
        Assert.NotEqual(HealthBand.Healthy, page.Items[0].Band);
        Assert.Equal(fine, page.Items[1].Id);
        var band = EnumNamesOf(page.Items[0].Band);
        var filtered = await Http.GetJsonAsync<CustomerPage>($"/api/v1/customers?accountId={account}&band={band}");
        Assert.Equal([troubled], filtered.Items.Select(i => i.Id));
    }

    [Theory]
    [InlineData("band=purple", "band")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("churn=extreme", "churn")]
    public async Task Bad_list_parameters_are_named(string query, string field)
    {
        using var response = await Http.GetAsync($"/api/v1/customers?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadAsync<ValidationProblemDetails>()).Errors.Keys);
    }

    [Fact]
    public async Task Accounts_are_listed_and_show_their_roll_up()
    {
        var account = await CreateAccountAsync(Http, manager: "am-zoe");
        await CreateCustomerAsync(Http, account, revenue: 250_000);
        var accounts = await Http.GetJsonAsync<AccountProfile[]>("/api/v1/accounts");
        Assert.Contains(accounts, a => a.Id == account && a.AccountManager == "am-zoe");
        // The roll-up follows the projection flush, which also hands the account its customers' summaries.
        await fixture.Silo.Service<ProjectionPublisher>().FlushAsync();
        var view = await Http.GetJsonAsync<AccountView>($"/api/v1/accounts/{account}");
        Assert.Equal(1, view.Rollup.CustomerCount);
        Assert.Equal(250_000, view.Rollup.Revenue);
    }

    [Fact]
    public async Task Json_lines_import_writes_accounts_before_customers_and_reports_bad_lines()
    {
        var account = NewId("acct");
        var customer = NewId("cust");
        var lines = string.Join('\n',
            JsonSerializer.Serialize(new { customer = new { id = customer, accountId = account, name = "Imported", tier = "silver", segment = "smb", region = "NA", criticality = "low", revenue = 10_000 } }),
            JsonSerializer.Serialize(new { account = new { id = account, name = "Imported account", accountManager = "am-import" } }),
            "",
            """{"customer":{"id":"bad one","accountId":"x"}}""",
            """{"somethingElse":{}}""",
            "not json");
        using var response = await Http.PostAsync("/api/v1/import", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadAsync<ImportResult>();

        Assert.Equal((1, 1), (result.AccountsCreated, result.CustomersCreated));
        Assert.Contains(result.Errors, e => e.Line == 4 && e.Field == "customer.id");
        Assert.Contains(result.Errors, e => e.Line == 5 && e.Field == "somethingElse");
        Assert.Contains(result.Errors, e => e.Line == 6);
        Assert.Equal("Imported", (await Http.GetJsonAsync<CustomerView>($"/api/v1/customers/{customer}")).Profile.Name);
    }

    [Fact]
    public async Task Journey_stages_and_process_owners_are_listed_with_ownership_gaps_visible()
    {
        var stages = await Http.GetJsonAsync<JsonElement>("/api/v1/journey-stages");
        Assert.Equal(["onboarding", "delivery", "billing", "support", "renewal"], stages.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.False(stages.EnumerateArray().Single(s => s.GetProperty("id").GetString() == "renewal").TryGetProperty("owner", out _));
        var owner = await Http.GetJsonAsync<JsonElement>("/api/v1/process-owners/po-billing");
        Assert.Equal("Priya Shah", owner.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync("/api/v1/journey-stages/moon")).StatusCode);
    }

    private static string EnumNamesOf(HealthBand band) => HealthGrid.Domain.Wire.EnumNames<HealthBand>.Name(band);
}
