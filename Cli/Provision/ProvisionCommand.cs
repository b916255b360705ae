using System.Text.Json;
using Integration.Core.Hosting;
using Integration.Core.SharePoint.Provisioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integration.Cli.Provision;

/// <summary>
/// <c>provision [--check] [--json]</c>: creates the lists, libraries and columns the configuration
/// names and the site lacks (or, with <c>--check</c>, only lists the differences), and reports what
/// it cannot fix. Exits 0 when the site is as configured, 3 when differences are left, 2 on a bad
/// configuration and 1 when Graph refused, naming the permission.
/// </summary>
internal static class ProvisionCommand
{
    public const int AsConfigured = 0;
    public const int Refused = 1;
    public const int BadConfiguration = 2;
    public const int Differences = 3;

    // Readable Swedish (å, ä, ö) in the differences; the output is for a terminal or a pipeline, not a web page.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(IConfiguration configuration, bool check, bool json, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddIntegration(configuration).AddSharePointProvisioning();
        await using var provider = services.BuildServiceProvider();

        ProvisioningReport report;
        try
        {
            report = await provider.GetRequiredService<SharePointProvisioner>().RunAsync(check, error.WriteLine, ct);
        }
        catch (ProvisioningConfigurationException ex)
        {
            await error.WriteLineAsync("Configuration error: " + ex.Message);
            return BadConfiguration;
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures) await error.WriteLineAsync("Configuration error: " + failure);
            return BadConfiguration;
        }
        catch (Exception ex) when (Integration.Core.Configuration.ConfigurationErrors.TryDescribe(ex, out var message))
        {
            await error.WriteLineAsync("Configuration error: " + message);
            return BadConfiguration;
        }
        catch (ProvisioningRefusedException ex)
        {
            await error.WriteLineAsync(ex.Message);
            if (json) await output.WriteLineAsync(JsonSerializer.Serialize(new { check, asConfigured = false, refused = ex.Message }, Json));
            return Refused;
        }

        if (json) await output.WriteLineAsync(ToJson(report));
        else WriteText(report, output);
        return report.AsConfigured ? AsConfigured : Differences;
    }

    public static string ToJson(ProvisioningReport report) => JsonSerializer.Serialize(new
    {
        check = report.Check,
        asConfigured = report.AsConfigured,
        created = new { lists = report.ListsCreated, columns = report.ColumnsCreated },
        differences = report.Differences,
        lists = report.Lists.Select(l => new
        {
            source = l.Schema.Source,
            kind = l.Schema.What,
            setting = l.Schema.Setting,
            reference = l.Schema.Reference,
            listId = l.ListId,
            state = l.State.Json(),
            detail = l.Detail,
            columns = l.Columns.Select(c => new
            {
                column = c.Spec.Column,
                setting = c.Spec.Setting,
                internalName = c.Spec.InternalName,
                displayName = c.Spec.DisplayName,
                type = ExistingColumn.Describe(c.Spec.Kind),
                state = c.State.Json(),
                detail = c.Detail,
            }),
        }),
    }, Json);

    private static void WriteText(ProvisioningReport report, TextWriter output)
    {
        foreach (var list in report.Lists.Where(l => l.State != SchemaState.NotConfigured))
        {
            output.WriteLine($"{list.Schema.Source} ({list.Schema.What} '{list.Schema.Reference}'): {list.State.Json()}");
            foreach (var column in list.Columns.Where(c => c.State != SchemaState.Present))
            {
                output.WriteLine($"  {column.Spec.InternalName,-28} {ExistingColumn.Describe(column.Spec.Kind),-16} {column.State.Json()}");
            }
        }

        if (report.AsConfigured)
        {
            output.WriteLine(report.Check
                ? "The site is as configured."
                : $"The site is as configured ({report.ListsCreated} list(s) and {report.ColumnsCreated} column(s) created).");
            return;
        }

        output.WriteLine(report.Check ? "Differences (nothing was changed):" : "Differences left (provision does not change or delete what is there):");
        foreach (var difference in report.Differences) output.WriteLine("  " + difference);
    }
}
