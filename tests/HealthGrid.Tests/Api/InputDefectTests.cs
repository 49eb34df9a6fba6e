using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using HealthGrid.Domain.Cases;
using HealthGrid.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using static HealthGrid.Tests.Infrastructure.TestOrganisation;

namespace HealthGrid.Tests.Api;

/// <summary>
/// Bodies the API used to misread: a time with a trailing NUL, an import file of invalid UTF-8 or
/// without a content type, and an action posted with no body and no Content-Length (curl -X POST).
/// </summary>
[Collection(EmbeddedSiloCollection.Name)]
public sealed class InputDefectTests(EmbeddedSiloFixture fixture)
{
    private HttpClient Http => fixture.Silo.Http;

    [Fact]
    public async Task A_time_with_a_trailing_nul_is_refused_at_its_field()
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        var body = $$$"""{"eventId":"{{{NewId("evt")}}}","customerId":"{{{customer}}}","occurredAt":"2026-01-01T00:00:00Z\u0000","channel":"web","kind":"survey","survey":{"type":"nps","score":9}}""";

        using var refused = await Http.PostAsync("/api/v1/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("occurredAt", (await refused.ReadAsync<ValidationProblemDetails>()).Errors.Keys);
    }

    [Fact]
    public async Task An_import_of_invalid_utf8_is_refused_whole_and_writes_nothing()
    {
        var good = NewId("acct");
        var bad = NewId("acct");
        var bytes = Encoding.UTF8.GetBytes($$$"""{"account":{"id":"{{{good}}}","name":"Readable","accountManager":"am-a"}}""" + "\n")
            .Concat(Encoding.UTF8.GetBytes($$$"""{"account":{"id":"{{{bad}}}","name":"Broken """)).Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.UTF8.GetBytes("\",\"accountManager\":\"am-a\"}}\n")).ToArray();
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");

        using var refused = await Http.PostAsync("/api/v1/import", content);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("line 2", Assert.Single((await refused.ReadAsync<ValidationProblemDetails>()).Errors["body"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/v1/accounts/{good}")).StatusCode);
    }

    [Fact]
    public async Task An_import_without_a_content_type_is_an_unsupported_media_type()
    {
        var id = NewId("acct");
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$$"""{"account":{"id":"{{{id}}}","name":"Untyped","accountManager":"am-a"}}""" + "\n"));

        using var refused = await Http.PostAsync("/api/v1/import", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.StatusCode);
        Assert.Contains("body", (await refused.ReadAsync<ValidationProblemDetails>()).Errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.GetAsync($"/api/v1/accounts/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_action_posted_with_no_body_and_no_content_length_is_carried_out()
    {
        var customer = await CreateCustomerAsync(Http, await CreateAccountAsync(Http));
        var ticket = NewId("T");
        (await Http.PostJsonAsync("/api/v1/events", Ticket(customer, "ticket_opened", ticket))).EnsureSuccessStatusCode();
        await Eventually.Until(() => Http.GetAsync($"/api/v1/cases/{ticket}"), r => r.IsSuccessStatusCode, what: "the case to be listed");

        var (status, _) = await BarePostAsync($"/api/v1/cases/{ticket}/acknowledge");

        Assert.Equal(200, status);
        Assert.Equal(CaseStatus.Acknowledged, (await Http.GetJsonAsync<CaseView>($"/api/v1/cases/{ticket}")).Status);
    }

    /// <summary>A POST exactly as curl -X POST sends it: no Content-Length, no Transfer-Encoding, no body (HttpClient always adds a length).</summary>
    private async Task<(int Status, string Response)> BarePostAsync(string path)
    {
        var server = fixture.Silo.BaseAddress;
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var request = $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {TestAuth.Token(TestAuth.Admin)}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync();
        return (int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture), response);
    }
}
