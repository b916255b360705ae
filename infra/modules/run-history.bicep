metadata description = 'The run history in the portal: saved queries in a query pack and a workbook over the Log Analytics workspace, built from the lines the app writes.'

param location string
param tags object
param resourceToken string

@description('Log Analytics workspace that holds the app\'s AppTraces.')
param workspaceId string

// Each query parses lines that Core writes; Functions.Tests/Deployment/RunHistoryTests runs a night
// with a capturing logger and matches every parse and extract pattern here against those lines.
//   Core/Sync/RunSteps.cs            "Run {RunId} step {Step} recorded {Status} on attempt ... with counts ..."
//   Core/Sync/DeltaSyncEngine.cs     "{Source} item {ItemId} quarantined: {Reason}"
//   Core/Registry/RegistryCheck.cs   "Registry check: ..." and "Registry lookup of enterprise {EnterpriseId} failed ..."
//   Core/Notifications/PersonalNotifications.cs  "Run {RunId}: Graph refused the personal notification for {Recipient} ..."
//   the Functions host's queue listener: "Moving message to queue '...-poison'"
var queries = {
  lastNights: {
    displayName: 'Nightly sync: the last nights'
    description: 'One row per night: when it started, how many steps it recorded, and how many failed, succeeded or were skipped (each step\'s last attempt).'
    body: '''
AppTraces
| where TimeGenerated > ago(14d)
| where Message startswith "Run " and Message has " recorded " and Message has " with counts "
| parse Message with "Run " RunId " step " Step " recorded " Status " on attempt " Attempt:int " after " DurationMs:long " ms with counts " Counts "."
| summarize arg_max(TimeGenerated, Status, Attempt, DurationMs), FirstSeen = min(TimeGenerated) by RunId, Step
| summarize Started = min(FirstSeen), Ended = max(TimeGenerated), Steps = count(), Failed = countif(Status == "Failed"), Succeeded = countif(Status == "Succeeded"), Skipped = countif(Status in ("Skipped", "NotBuilt")), Retried = countif(Attempt > 1) by RunId
| order by Started desc
'''
  }
  steps: {
    displayName: 'Nightly sync: each step of each night'
    description: 'Every step of the last nights: outcome, attempt, duration and counts, as SyncRuns records them (status --nights N shows the same from the table).'
    body: '''
AppTraces
| where TimeGenerated > ago(14d)
| where Message startswith "Run " and Message has " recorded " and Message has " with counts "
| parse Message with "Run " RunId " step " Step " recorded " Status " on attempt " Attempt:int " after " DurationMs:long " ms with counts " Counts "."
| summarize arg_max(TimeGenerated, Status, Attempt, DurationMs, Counts) by RunId, Step
| extend Read = toint(extract(@"\bread=(\d+)", 1, Counts)), Quarantined = toint(extract(@"\bquarantined=(\d+)", 1, Counts))
| project TimeGenerated, RunId, Step, Status, Attempt, Duration = format_timespan(totimespan(DurationMs * 1ms), "hh:mm:ss"), Read, Quarantined, Counts
| order by TimeGenerated desc
'''
  }
  poisonMessages: {
    displayName: 'Nightly sync: messages moved to a poison queue'
    description: 'Messages the host moved to a -poison queue after their last try. Fix the cause, then "replay <queue>" (docs/operations.md).'
    body: '''
AppTraces
| where TimeGenerated > ago(30d)
| where Message has "Moving message to queue" and Message has "-poison'"
| parse Message with * "Moving message to queue '" Queue "'" *
| summarize Messages = count(), Last = max(TimeGenerated) by Queue, Night = startofday(TimeGenerated)
| order by Night desc
'''
  }
  dataProblems: {
    displayName: 'Nightly sync: data problems per source'
    description: 'Items each source put in quarantine: how many each night (the step\'s quarantined count) and which items over 30 days, by id. "quarantine list" shows what is open now.'
    body: '''
let perNight = AppTraces
  | where TimeGenerated > ago(30d)
  | where Message startswith "Run " and Message has " recorded " and Message has "quarantined="
  | parse Message with "Run " RunId " step " Source " recorded " Status " on attempt " Attempt:int " after " DurationMs:long " ms with counts " Counts "."
  | extend Quarantined = toint(extract(@"\bquarantined=(\d+)", 1, Counts))
  | summarize arg_max(TimeGenerated, Quarantined) by RunId, Source
  | summarize LastNight = arg_max(TimeGenerated, Quarantined) by Source
  | project Source, QuarantinedLastNight = Quarantined, LastNight;
let items = AppTraces
  | where TimeGenerated > ago(30d)
  | where Message has " item " and Message has " quarantined: "
  | parse Message with Source " item " ItemId " quarantined: " *
  | summarize ItemsIn30Days = dcount(ItemId), ItemIds = make_set(ItemId, 50) by Source;
perNight
| join kind=fullouter items on Source
| project Source = coalesce(Source, Source1), QuarantinedLastNight, LastNight, ItemsIn30Days, ItemIds
| order by Source asc
'''
  }
  registryFailures: {
    displayName: 'Nightly sync: registry lookups that failed'
    description: 'Enterprises whose Bolagsverket lookup failed, by enterprise id, with the nights it failed; each is tried again the next night.'
    body: '''
AppTraces
| where TimeGenerated > ago(14d)
| where Message startswith "Registry lookup of enterprise " and Message has " failed (transient: "
| parse Message with "Registry lookup of enterprise " EnterpriseId " failed (transient: " IsTransient "); tried again the next night: " Error
| summarize Nights = dcount(startofday(TimeGenerated)), Last = max(TimeGenerated), LastError = take_any(Error), Transient = take_any(IsTransient) by EnterpriseId
| order by Nights desc, Last desc
'''
  }
  registryNights: {
    displayName: 'Nightly sync: the registry check each night'
    description: 'Lookups, answers still fresh, failures and register warnings per night.'
    body: '''
AppTraces
| where TimeGenerated > ago(14d)
| where Message startswith "Registry check: "
| parse Message with "Registry check: " Lookups:int " lookups, " Cached:int " answers still fresh, " Failed:int " failed, " Warnings:int " register warnings."
| project TimeGenerated, Lookups, Cached, Failed, Warnings
| order by TimeGenerated desc
'''
  }
  teamsRefused: {
    displayName: 'Nightly sync: people Teams refused'
    description: 'People (by SharePoint lookup id) whose personal notification Graph refused: 403 app not installed, 404 no such user, 409 installed twice. See docs/teams-notifications.md.'
    body: '''
AppTraces
| where TimeGenerated > ago(14d)
| where Message startswith "Run " and Message has ": Graph refused the personal notification for "
| parse Message with "Run " RunId ": Graph refused the personal notification for " Recipient " with " Status:int " (" Code "); " *
| summarize Nights = dcount(RunId), Last = max(TimeGenerated), Status = take_any(Status), Code = take_any(Code) by Recipient
| order by Last desc
'''
  }
}

// The order the workbook shows them in, and their titles there.
var workbookSections = [
  { key: 'lastNights', title: 'The last nights', size: 0 }
  { key: 'steps', title: 'Each step: outcome, attempts, duration and counts', size: 0 }
  { key: 'poisonMessages', title: 'Poison messages', size: 1 }
  { key: 'dataProblems', title: 'Data problems per source (quarantine)', size: 1 }
  { key: 'registryFailures', title: 'Registry lookups that failed', size: 1 }
  { key: 'registryNights', title: 'The registry check each night', size: 1 }
  { key: 'teamsRefused', title: 'People Teams refused', size: 1 }
]

resource queryPack 'Microsoft.OperationalInsights/queryPacks@2019-09-01' = {
  name: 'pack-${resourceToken}'
  location: location
  tags: tags
  properties: {}
}

resource savedQueries 'Microsoft.OperationalInsights/queryPacks/queries@2019-09-01' = [
  for query in items(queries): {
    parent: queryPack
    // A query's name is a GUID; derived from its key so a new provision updates it in place.
    name: guid(queryPack.id, query.key)
    properties: {
      displayName: query.value.displayName
      description: query.value.description
      body: trim(query.value.body)
      related: {
        categories: ['monitor']
        resourceTypes: ['microsoft.operationalinsights/workspaces']
      }
      tags: {
        labels: ['nightly-sync']
      }
    }
  }
]

var workbookContent = {
  version: 'Notebook/1.0'
  items: concat(
    [
      {
        type: 1
        name: 'intro'
        content: {
          json: '## Nightly sync: run history\nThe nights of the action-plan integration as the app logged them. The same queries are saved in the query pack "pack-${resourceToken}" (Logs → Queries → Query packs). What to do about each: the runbook, docs/operations.md.'
        }
      }
    ],
    map(workbookSections, section => {
      type: 3
      name: section.key
      content: {
        version: 'KqlItem/1.0'
        title: section.title
        query: trim(queries[section.key].body)
        size: section.size
        queryType: 0
        resourceType: 'microsoft.operationalinsights/workspaces'
        visualization: 'table'
        timeContext: {
          durationMs: 2592000000
        }
      }
    })
  )
  fallbackResourceIds: [workspaceId]
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(resourceGroup().id, 'run-history', resourceToken)
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'Nightly sync: run history'
    category: 'workbook'
    sourceId: workspaceId
    serializedData: string(workbookContent)
  }
}

output queryPackName string = queryPack.name
output workbookId string = workbook.id
