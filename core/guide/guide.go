// Package guide owns the renewal guide as data: the steps an administrator
// takes in MitID Erhverv to renew an organisation certificate (from the
// Timengo DPG renewal guide), their text keys, illustrations and warnings,
// the tasks some steps hold, the rules that keep the two unrecoverable
// moments (the password, the .p12 file) from being passed by a stray click,
// and the user's progress through it, saved between runs.
//
// The window renders this data; adding a step is one entry in Steps plus its
// texts in the catalogues.
package guide

// Phase groups the steps for the stepper.
type Phase string

const (
	PhasePrepare Phase = "prepare" // before opening MitID Erhverv
	PhaseRenew   Phase = "renew"   // the numbered steps in the portal
	PhaseFinish  Phase = "finish"  // after the download: install in DPG
)

// Task is work a step holds besides reading and pressing Done.
type Task string

const (
	TaskNone     Task = ""
	TaskPassword Task = "password" // save the password, or confirm it is stored elsewhere
	TaskDownload Task = "download" // check the downloaded file, or skip explicitly
	TaskDPG      Task = "dpg"      // record that the certificate is installed in DPG
)

// Level is how loudly a warning speaks.
type Level int

const (
	LevelNote          Level = iota // worth knowing
	LevelImportant                  // a mistake here costs time or mail
	LevelVeryImportant              // a mistake here cannot be undone (the guide's "VERY IMPORTANT")
)

// Warning is a catalogue key and how loudly it is shown.
type Warning struct {
	Key   string
	Level Level
}

// Link is a button that opens an address outside the app.
type Link struct {
	Key string // the button's text
	URL string
}

// The addresses the guide points to.
const (
	PortalURL          = "https://erhvervsadministration.nemlog-in.dk/certificates"
	DPGPortalURL       = "https://portal.timengodpg.com"
	TimengoGuideURL    = "https://docs.timengodpg.com/en/dg/mitid/mit-id-cert-fornyelse"
	ServiceCenterMail  = "servicecenter@sikker-post.dk"
	ServiceCenterPhone = "+45 70 20 62 80"
)

// Step is one card of the guide.
type Step struct {
	ID           string
	Phase        Phase
	Number       int    // the step's number in the Timengo guide, 0 if it has none
	Title        string // catalogue key
	Text         string // catalogue key
	Illustration string // the scene the window draws; "" for none
	Warnings     []Warning
	Task         Task
	Links        []Link
}

var portalLink = Link{Key: "guide.link.portal", URL: PortalURL}

// Steps is the whole guide, in order.
var Steps = []Step{
	{ID: "prepare-mitid", Phase: PhasePrepare, Title: "guide.prepare_mitid.title", Text: "guide.prepare_mitid.text",
		Illustration: "role"},
	{ID: "prepare-usage", Phase: PhasePrepare, Title: "guide.prepare_usage.title", Text: "guide.prepare_usage.text",
		Illustration: "usage"},
	{ID: "prepare-dpg", Phase: PhasePrepare, Title: "guide.prepare_dpg.title", Text: "guide.prepare_dpg.text",
		Illustration: "usage-dpg",
		Warnings:     []Warning{{Key: "guide.warning.dpg_same_email", Level: LevelImportant}}},

	{ID: "login", Phase: PhaseRenew, Number: 1, Title: "guide.login.title", Text: "guide.login.text",
		Illustration: "login", Links: []Link{portalLink}},
	{ID: "edit-profile", Phase: PhaseRenew, Number: 2, Title: "guide.edit_profile.title", Text: "guide.edit_profile.text",
		Illustration: "edit-profile", Links: []Link{portalLink}},
	{ID: "renew-certificate", Phase: PhaseRenew, Number: 3, Title: "guide.renew_certificate.title", Text: "guide.renew_certificate.text",
		Illustration: "renew-certificate"},
	{ID: "renew-window", Phase: PhaseRenew, Number: 4, Title: "guide.renew_window.title", Text: "guide.renew_window.text",
		Illustration: "renew-window"},
	{ID: "mitid", Phase: PhaseRenew, Number: 5, Title: "guide.mitid.title", Text: "guide.mitid.text",
		Illustration: "mitid"},
	{ID: "issue", Phase: PhaseRenew, Number: 6, Title: "guide.issue.title", Text: "guide.issue.text",
		Illustration: "issue"},
	{ID: "terms", Phase: PhaseRenew, Number: 7, Title: "guide.terms.title", Text: "guide.terms.text",
		Illustration: "terms"},
	{ID: "password", Phase: PhaseRenew, Number: 8, Title: "guide.password.title", Text: "guide.password.text",
		Illustration: "password", Task: TaskPassword,
		Warnings: []Warning{{Key: "guide.warning.password", Level: LevelVeryImportant}}},
	{ID: "download", Phase: PhaseRenew, Number: 9, Title: "guide.download.title", Text: "guide.download.text",
		Illustration: "download", Task: TaskDownload,
		Warnings: []Warning{{Key: "guide.warning.file", Level: LevelVeryImportant}}},
	{ID: "close", Phase: PhaseRenew, Number: 10, Title: "guide.close.title", Text: "guide.close.text",
		Illustration: "close"},

	{ID: "dpg", Phase: PhaseFinish, Title: "guide.dpg.title", Text: "guide.dpg.text",
		Illustration: "dpg", Task: TaskDPG,
		Warnings: []Warning{{Key: "guide.warning.dpg_now", Level: LevelImportant}},
		Links: []Link{
			{Key: "guide.link.dpg_portal", URL: DPGPortalURL},
			{Key: "guide.link.timengo_guide", URL: TimengoGuideURL},
		}},
}

// Index returns the position of the step with id in Steps, or -1.
func Index(id string) int {
	for i, s := range Steps {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// ByID returns the step with id, and whether there is one.
func ByID(id string) (Step, bool) {
	if i := Index(id); i >= 0 {
		return Steps[i], true
	}
	return Step{}, false
}
