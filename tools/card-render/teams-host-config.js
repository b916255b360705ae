// A host config that follows Microsoft Teams' light theme, for the render test and the screenshot
// in docs/teams-notifications.md. Where the values come from: the Adaptive Cards host config schema
// (field names and meaning, learn.microsoft.com "HostConfig"), and the look of Teams' light theme as its Fluent UI
// palette defines it: text #242424 and subtle #616161, Teams' brand purple #5b5fc7 for accents and
// links, red #c4314b for attention, Segoe UI at 14 px with 12/14/18/24 px for the other sizes,
// weights 300/400/600, and the tight spacing Teams uses between lines of a card. Values chosen by
// hand to match; no Teams file was copied. Segoe UI is not on a Linux machine: the fallbacks
// (system UI fonts, then any sans-serif) are what a headless Chromium shows there.
// Teams' light theme writes the same text colours on white and on the grey emphasis background.
const teamsForegroundColors = {
  default: { default: "#242424", subtle: "#616161" },
  dark: { default: "#242424", subtle: "#616161" },
  light: { default: "#FFFFFF", subtle: "#F5F5F5" },
  accent: { default: "#5B5FC7", subtle: "#4F52B2" },
  good: { default: "#237B4B", subtle: "#1F6B41" },
  warning: { default: "#835C00", subtle: "#6D4C00" },
  attention: { default: "#C4314B", subtle: "#A72037" },
};

window.teamsHostConfig = {
  fontFamily: "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', 'Liberation Sans', sans-serif",
  supportsInteractivity: true,
  spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: "#E0E0E0" },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  lineHeights: { small: 16, default: 20, medium: 20, large: 24, extraLarge: 32 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: "#FFFFFF",
      foregroundColors: teamsForegroundColors,
    },
    emphasis: {
      backgroundColor: "#F5F5F5",
      foregroundColors: teamsForegroundColors,
    },
  },
  actions: {
    maxActions: 6,
    spacing: "default",
    buttonSpacing: 8,
    showCard: { actionMode: "inline", inlineTopMargin: 16, style: "emphasis" },
    actionsOrientation: "horizontal",
    actionAlignment: "left",
  },
  adaptiveCard: { allowCustomStyle: true },
  factSet: {
    title: { size: "default", color: "default", isSubtle: false, weight: "bolder", wrap: true },
    value: { size: "default", color: "default", isSubtle: false, weight: "default", wrap: true },
    spacing: 8,
  },
  textStyles: {
    heading: { size: "large", weight: "bolder", color: "default", isSubtle: false, fontType: "default" },
    columnHeader: { size: "default", weight: "bolder", color: "default", isSubtle: false, fontType: "default" },
  },
};
