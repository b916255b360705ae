metadata description = 'Alert rules over the telemetry the app already sends (Log Analytics), and an action group that e-mails the on-call address.'

param location string
param tags object
param resourceToken string

@description('Log Analytics workspace that holds the app\'s AppTraces and AppRequests.')
param workspaceId string

@description('Where alerts are e-mailed. Empty: the rules exist and fire in the portal, but notify nobody.')
param alertEmail string

@description('The host\'s queues.maxDequeueCount (host.json): the try after which a failed step is final.')
param maxDequeueCount int

// The messages below are written by Core/Sync/RunSteps.cs and Core/Sync/NightlyCycle.cs, and by the
// Functions host's queue listener when it moves a message to a poison queue.
var failedStepQuery = '''
union
  (AppTraces
    | where Message startswith "Run " and Message has " failed on attempt "
    | parse Message with "Run " RunId " step " Step " failed on attempt " Attempt:int "."
    | where Attempt >= {maxDequeueCount} or Step in ("OverdueScan", "Indicators", "Retention")
    | project TimeGenerated, What = strcat(Step, " failed in run ", RunId)),
  (AppRequests
    | where Name in ("NightlySync", "OverdueScan", "NotificationDigest") and Success == false
    | project TimeGenerated, What = strcat(Name, " failed"))
'''

var poisonQuery = '''
AppTraces
| where Message has "Moving message to queue" and Message has "-poison'"
| parse Message with * "Moving message to queue '" Queue "'" *
| summarize Messages = count() by Queue
'''

var completedNightQuery = '''
let window = 26h;
let started = AppTraces
  | where TimeGenerated > ago(window + 6h)
  | where Message startswith "Nightly run " and Message has " started: "
  | parse Message with "Nightly run " RunId " started: " Queued:int " sources queued."
  | project RunId, Queued, StartedAt = TimeGenerated;
let finished = AppTraces
  | where TimeGenerated > ago(window + 6h)
  | where Message startswith "Run " and Message has " finished on attempt "
  | parse Message with "Run " RunId " step " Step " finished on attempt " Attempt:int "."
  // The steps after the sources log "finished" too; a night is complete when its sources are.
  // These are the INightSteps the modules register, in their order (AlertTests keeps them equal).
  | where Step !in ("CaseRegistration", "OverdueScan", "Indicators", "Notifications", "StatusReport", "Retention")
  | summarize Finished = dcount(Step), CompletedAt = max(TimeGenerated) by RunId;
started
| join kind=inner finished on RunId
| where Finished >= Queued and CompletedAt > ago(window)
'''

// Core/Registry/RegistryCheck.cs writes one summary a night. Nights are calendar days (UTC): the
// night starts at 02:00. Three nights in a row with a failed lookup: the registry, its client secret
// or the network to it is broken, not one enterprise.
var registryFailingQuery = '''
AppTraces
| where TimeGenerated > startofday(ago(2d))
| where Message startswith "Registry check: "
| parse Message with "Registry check: " Lookups:int " lookups, " Cached:int " answers still fresh, " Failed:int " failed, " Warnings:int " register warnings."
| summarize Failed = max(Failed) by Night = startofday(TimeGenerated)
| where Failed > 0
| summarize FailingNights = count()
| where FailingNights >= 3
'''

// Core/Notifications/PersonalNotifications.cs, one line per person Graph refused (by lookup id).
var teamsRefusedQuery = '''
AppTraces
| where Message startswith "Run " and Message has ": Graph refused the personal notification for "
| parse Message with "Run " RunId ": Graph refused the personal notification for " Recipient " with " Status:int " (" Code "); " *
| summarize People = dcount(Recipient) by RunId
'''

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-${resourceToken}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'nightly'
    enabled: true
    emailReceivers: [
      {
        name: 'on-call'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actions = {
  actionGroups: empty(alertEmail) ? [] : [actionGroup.id]
}

resource failedNight 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-failed-night-${resourceToken}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Nightly sync: a step failed'
    description: 'A step of the night failed on its last try, or a timer function failed. Run "status" to see which, then the runbook in docs/operations.md.'
    severity: 1
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: replace(failedStepQuery, '{maxDequeueCount}', string(maxDequeueCount))
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}

resource poisonMessage 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-poison-message-${resourceToken}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Nightly sync: a message went to a poison queue'
    description: 'The host moved a message to a -poison queue after its last try. Fix the cause, then "replay <queue>".'
    severity: 2
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: poisonQuery
          timeAggregation: 'Total'
          metricMeasureColumn: 'Messages'
          dimensions: [
            {
              name: 'Queue'
              operator: 'Include'
              values: ['*']
            }
          ]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}

resource noCompletedNight 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-no-completed-night-${resourceToken}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Nightly sync: no completed night in 26 hours'
    description: 'No night has finished every source it queued in the last 26 hours. Run "status --nights 3".'
    severity: 1
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT1H'
    windowSize: 'P2D'
    criteria: {
      allOf: [
        {
          query: completedNightQuery
          timeAggregation: 'Count'
          operator: 'LessThan'
          threshold: 1
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}

resource registryFailing 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-registry-failing-${resourceToken}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Nightly sync: registry lookups failed three nights in a row'
    description: 'Bolagsverket lookups failed on each of the last three nights. Check the registry client secret and API access (docs/deploy-to-azure.md), then the workbook\'s "Registry lookups that failed".'
    severity: 2
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT6H'
    windowSize: 'P2D'
    // Three calendar nights: today's and the two before, further back than the window.
    overrideQueryTimeRange: 'P3D'
    criteria: {
      allOf: [
        {
          query: registryFailingQuery
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: actions
  }
}

resource teamsRefused 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-teams-refused-${resourceToken}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'Nightly sync: Teams refused a person\'s notification'
    description: 'Graph refused a personal notification (403: the Teams app is not installed for the person; 404: no such user; 409: installed twice). The workbook\'s "People Teams refused" names them by lookup id; docs/teams-notifications.md.'
    severity: 3
    enabled: true
    scopes: [workspaceId]
    evaluationFrequency: 'PT1H'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: teamsRefusedQuery
          timeAggregation: 'Total'
          metricMeasureColumn: 'People'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: false
    actions: actions
  }
}

output actionGroupId string = empty(alertEmail) ? '' : actionGroup.id
output alertRuleNames array = [failedNight.name, poisonMessage.name, noCompletedNight.name, registryFailing.name, teamsRefused.name]
