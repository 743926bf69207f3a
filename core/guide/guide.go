// Package guide owns the renewal guide as data: the steps an administrator
// takes, from a first card that says what to have ready, through MitID
// Erhverv (the Timengo DPG renewal guide's ten numbered steps) and the DPG
// Customer Portal, to switching every other place over and a last card that
// sums up. It holds their text keys, illustrations and warnings, the tasks
// some steps hold, the rules that keep the two unrecoverable moments (the
// password, the .p12 file) from being passed by a stray click, the user's
// own list of where the certificate is used, and the user's progress, saved
// between runs.
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
	PhaseWrapUp  Phase = "wrapup"  // switch the other places over; sum up
)

// Task is work a step holds besides reading and pressing Done.
type Task string

const (
	TaskNone     Task = ""
	TaskPassword Task = "password" // save the password, or confirm it is stored elsewhere
	TaskDownload Task = "download" // check the downloaded file, or skip explicitly
	TaskDPG      Task = "dpg"      // record that the certificate is installed in DPG
	TaskUsage    Task = "usage"    // note where the certificate is used (the user's checklist)
	TaskSwitch   Task = "switch"   // tick off the noted places as they are switched over
	TaskSummary  Task = "summary"  // where everything is, what is still undone
)

// Helper is a button a card offers where the portal asks for something the
// user has saved: the file, the password.
type Helper string

const (
	HelperShowFile     Helper = "show_file"     // show the .p12 in its folder, to pick it in the portal
	HelperCopyPassword Helper = "copy_password" // copy the saved password, to paste it in the portal
)

// Aside is a less common path, folded away under a title so that it does
// not confuse the common case.
type Aside struct {
	Title        string // catalogue key
	Text         string // catalogue key
	Illustration string // "" for none
}

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
	// Main: opening it is what the card asks the user to do (log in to the
	// portal), not a reference beside the card; the window puts it with
	// the card's main actions, on screen however long the card is.
	Main bool
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
	ID    string
	Phase Phase
	// Number is the step's number in the Timengo guide, 0 if it has
	// none. The window does not show it (one step number in the header:
	// the card's own); it is kept so that TestStepsFollowTheGuide can show
	// each of the guide's ten steps has its card, in the guide's order.
	Number       int
	Title        string // catalogue key
	Text         string // catalogue key
	Illustration string // the scene the window draws; "" for none
	Warnings     []Warning
	Task         Task
	// Within is the task the card is a part of without holding it: the
	// DPG cards before the one that records the installation. Once that
	// task's fact is true, wherever it became true, the card is done too
	// and says so (Settled).
	Within  Task
	Links   []Link
	Helpers []Helper
	Aside   *Aside
}

// DoneKey is the catalogue key of the button that moves past the step:
// "Next" on the cards that prepare the renewal, where nothing is carried
// out yet, and "Done" where the user did what the card asks (in the
// portal, in DPG, in Fornyer).
func (s Step) DoneKey() string {
	if s.Phase == PhasePrepare {
		return "guide.next"
	}
	return "guide.done"
}

var (
	portalLink    = Link{Key: "guide.link.portal", URL: PortalURL, Main: true}
	dpgPortalLink = Link{Key: "guide.link.dpg_portal", URL: DPGPortalURL, Main: true}
	// Timengo's own renewal guide, with its video: where a first-time
	// administrator who is stuck in DPG looks next.
	timengoGuideLink = Link{Key: "guide.link.timengo_guide", URL: TimengoGuideURL}
)

// Steps is the whole guide, in order.
var Steps = []Step{
	{ID: "welcome", Phase: PhasePrepare, Title: "guide.welcome.title", Text: "guide.welcome.text",
		Illustration: "ready"},
	{ID: "prepare-mitid", Phase: PhasePrepare, Title: "guide.prepare_mitid.title", Text: "guide.prepare_mitid.text",
		Illustration: "role"},
	{ID: "prepare-usage", Phase: PhasePrepare, Title: "guide.prepare_usage.title", Text: "guide.prepare_usage.text",
		Illustration: "usage", Task: TaskUsage},
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
	// The portal's other path after "Renew" (an e-mail with a link, or the
	// certificate left under issuance) is folded away on the card where
	// the common path expects the MitID login.
	{ID: "mitid", Phase: PhaseRenew, Number: 5, Title: "guide.mitid.title", Text: "guide.mitid.text",
		Illustration: "mitid",
		Aside:        &Aside{Title: "guide.mitid.email.title", Text: "guide.mitid.email.text", Illustration: "under-issuance"}},
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

	// The DPG Customer Portal, as DPG describes it (since 23 April 2026
	// customers install renewed certificates themselves). Its screens are
	// not documented publicly: the cards and scenes name actions.
	{ID: "dpg-login", Phase: PhaseFinish, Within: TaskDPG, Title: "guide.dpg_login.title", Text: "guide.dpg_login.text",
		Illustration: "dpg-login", Links: []Link{dpgPortalLink, timengoGuideLink},
		Warnings: []Warning{{Key: "guide.warning.dpg_now", Level: LevelImportant}}},
	{ID: "dpg-list", Phase: PhaseFinish, Within: TaskDPG, Title: "guide.dpg_list.title", Text: "guide.dpg_list.text",
		Illustration: "dpg-list", Links: []Link{dpgPortalLink, timengoGuideLink}},
	{ID: "dpg-install", Phase: PhaseFinish, Within: TaskDPG, Title: "guide.dpg_install.title", Text: "guide.dpg_install.text",
		Illustration: "dpg-install", Helpers: []Helper{HelperShowFile, HelperCopyPassword}, Links: []Link{timengoGuideLink}},
	{ID: "dpg-activate", Phase: PhaseFinish, Within: TaskDPG, Title: "guide.dpg_activate.title", Text: "guide.dpg_activate.text",
		Illustration: "dpg-activate", Links: []Link{timengoGuideLink}},
	{ID: "dpg-verify", Phase: PhaseFinish, Title: "guide.dpg_verify.title", Text: "guide.dpg_verify.text",
		Illustration: "dpg-verify", Task: TaskDPG, Links: []Link{timengoGuideLink}},

	{ID: "switch", Phase: PhaseWrapUp, Title: "guide.switch.title", Text: "guide.switch.text",
		Illustration: "switch", Task: TaskSwitch},
	{ID: "summary", Phase: PhaseWrapUp, Title: "guide.summary.title", Text: "guide.summary.text",
		Task: TaskSummary},
}

// renamed maps the ids of steps an earlier version had to the step that
// took their place, so saved progress keeps its place.
var renamed = map[string]string{
	"dpg": "dpg-verify", // one DPG card became the DPG sequence
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

// TaskIndex returns the position of the first step holding task, or -1.
func TaskIndex(t Task) int {
	for i, s := range Steps {
		if s.Task == t {
			return i
		}
	}
	return -1
}

// Settled says whether the card is a part of a task (Within) that is done
// already, wherever it became true (DPG marked on the Check tab or in My
// certificates): the card then says so and offers to go on past the task
// (PastTask), instead of walking through it again (X22).
func (s Step) Settled(f Facts) bool {
	if s.Within == "" {
		return false
	}
	_, ok := f.holds(s.Within)
	return ok
}

// WarningsFor are the card's warnings with the renewal's facts f: none
// on a settled card, whose warnings are about what is done already
// ("until the renewed certificate is installed in DPG …").
func (s Step) WarningsFor(f Facts) []Warning {
	if s.Settled(f) {
		return nil
	}
	return s.Warnings
}

// PastTask is the id of the step after the one holding task t: where a
// settled card goes on to.
func PastTask(t Task) string {
	i := TaskIndex(t)
	if i+1 < len(Steps) {
		i++
	}
	return Steps[i].ID
}

// ByID returns the step with id, and whether there is one.
func ByID(id string) (Step, bool) {
	if i := Index(id); i >= 0 {
		return Steps[i], true
	}
	return Step{}, false
}
