using System.Text;
using Integration.Core.Notifications;
using Microsoft.Extensions.Options;

namespace Integration.Core.Reports;

/// <summary>
/// Posts the "Veckans läge" card to the network's channel once per week: the delivery ledger holds
/// <c>report:2026-W49</c> once Teams took it, so a rerun the same week replaces the file but does
/// not post again. A card that fails the check, or a post Teams refuses, fails the step (the ledger
/// is not written, so the next run tries again). Without <c>Teams__WorkflowWebhookUrl</c> nothing is posted.
/// </summary>
public sealed class WeeklyCardPost(ITeamsChannel channel, DeliveryLedger ledger, IOptions<TeamsOptions> teams) : IReportFollowUp
{
    public static string EventId(ReportWeek week) => $"report:{week}";

    public async Task<FollowUpOutcome> RunAsync(PublishedReport report, CancellationToken ct)
    {
        if (!teams.Value.IsConfigured) return new FollowUpOutcome(new Dictionary<string, int> { ["cardsPosted"] = 0 }, "Teams card " + teams.Value.NotConfiguredReason);
        var id = EventId(report.Week);
        if ((await ledger.DeliveredAsync(DeliveryLedger.Channel, [id], ct)).Count > 0)
        {
            return new FollowUpOutcome(new Dictionary<string, int> { ["cardsPosted"] = 0, ["cardsAlreadyPosted"] = 1 }, null);
        }

        var message = WeeklyCard.Message(report.Report.Model, report.File.WebUrl);
        if (CardCheck.Problems(message) is { Count: > 0 } problems)
        {
            return new FollowUpOutcome(new Dictionary<string, int> { ["cardsPosted"] = 0 }, "the Veckans läge card failed the check: " + string.Join("; ", problems), Failed: true);
        }

        try
        {
            await channel.PostAsync(new DigestPost(message, [id], Encoding.UTF8.GetByteCount(message.ToJsonString())), ct);
        }
        catch (TeamsPostException ex)
        {
            return new FollowUpOutcome(new Dictionary<string, int> { ["cardsPosted"] = 0 }, "the Veckans läge card was not posted: " + ex.Message, Failed: true);
        }

        await ledger.RecordAsync(DeliveryLedger.Channel, [id], report.RunId, 1, ct);
        return new FollowUpOutcome(new Dictionary<string, int> { ["cardsPosted"] = 1 }, "Veckans läge posted");
    }
}
