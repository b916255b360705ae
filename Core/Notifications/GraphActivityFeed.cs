using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Teamwork.SendActivityNotification;
using Microsoft.Kiota.Abstractions;

namespace Integration.Core.Notifications;

/// <summary>
/// <c>POST /users/{upn}/teamwork/sendActivityNotification</c> through the process's one Graph client,
/// whose retry handler already honours <c>Retry-After</c> on 429 and 503. The notification uses the
/// reserved <c>systemDefault</c> activity type, so the Teams app needs no activity types declared:
/// its free text is the <c>systemDefault</c> template parameter. Needs the <c>TeamsActivity.Send</c>
/// application permission and our Teams app installed for the person.
/// </summary>
public sealed class GraphActivityFeed(GraphServiceClient graph) : IActivityFeed
{
    public const string ActivityType = "systemDefault";

    public async Task SendAsync(string userPrincipalName, PersonalNotice notice, CancellationToken ct)
    {
        var body = new SendActivityNotificationPostRequestBody
        {
            ActivityType = ActivityType,
            Topic = new TeamworkActivityTopic { Source = TeamworkActivityTopicSource.Text, Value = notice.Topic, WebUrl = notice.WebUrl.AbsoluteUri },
            PreviewText = new ItemBody { Content = notice.Preview },
            TemplateParameters = [new Microsoft.Graph.Models.KeyValuePair { Name = ActivityType, Value = notice.Reason }],
        };
        try
        {
            await graph.Users[userPrincipalName].Teamwork.SendActivityNotification.PostAsync(body, cancellationToken: ct);
        }
        catch (ApiException error) when (error.ResponseStatusCode is 403 or 404 or 409)
        {
            throw new ActivityFeedRefusedException(error.ResponseStatusCode, Code(error));
        }
        catch (ApiException error) when (error.ResponseStatusCode is >= 400 and < 500 and not 408 and not 429)
        {
            // The request itself is wrong (a 400): the same body would be refused for everyone.
            throw new TeamsPostException(
                $"Graph refused a personal notification with {error.ResponseStatusCode}{Suffix(Code(error))}; the same message will not be taken, so it goes to the poison queue.",
                error.ResponseStatusCode,
                isTransient: false);
        }
        catch (Exception error) when (error is ApiException or AggregateException or HttpRequestException || (error is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // A 5xx, throttling past the SDK's retries, a timeout or a dropped connection: the queue tries again later.
            var status = (error as ApiException)?.ResponseStatusCode;
            throw new TeamsPostException(
                $"Graph kept failing on a personal notification ({(status is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : error.GetType().Name)}) after the retries; the queue tries the digest again later.",
                status,
                isTransient: true);
        }
    }

    private static string? Code(ApiException error) => (error as ODataError)?.Error?.Code;

    private static string Suffix(string? code) => code is null ? "" : $" ({code})";
}
