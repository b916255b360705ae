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

output actionGroupId string = empty(alertEmail) ? '' : actionGroup.id
output alertRuleNames array = [failedNight.name, poisonMessage.name, noCompletedNight.name]
