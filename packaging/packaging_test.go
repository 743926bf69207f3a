package packaging

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fornyer/fornyer/core/appinfo"
)

// upgradeCode ties every Fornyer MSI together: a new version finds and
// replaces the old one only while this stays the same.
const upgradeCode = "31601c26-a60f-4f2d-aca1-7f0edd271d05"

type wxsNode struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Children []wxsNode  `xml:",any"`
}

func (n wxsNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// walk calls f with every node and the Directory names above it.
func (n wxsNode) walk(dirs []string, f func(n wxsNode, dirs []string)) {
	f(n, dirs)
	if n.XMLName.Local == "Directory" {
		dirs = append(append([]string(nil), dirs...), n.attr("Id"))
	}
	for _, c := range n.Children {
		c.walk(dirs, f)
	}
}

func readWXS(t *testing.T) wxsNode {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("windows", "Fornyer.wxs"))
	if err != nil {
		t.Fatal(err)
	}
	var root wxsNode
	if err := xml.Unmarshal(data, &root); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestMSIIsPerUserAndReplacesOlderVersions(t *testing.T) {
	root := readWXS(t)
	var product, pkg wxsNode
	upgrades := 0
	var installDir []string
	root.walk(nil, func(n wxsNode, dirs []string) {
		switch n.XMLName.Local {
		case "Product":
			product = n
		case "Package":
			pkg = n
		case "MajorUpgrade":
			upgrades++
		case "Directory":
			if n.attr("Id") == "INSTALLDIR" {
				installDir = append(dirs, n.attr("Name"))
			}
		}
	})
	if got := product.attr("UpgradeCode"); got != upgradeCode {
		t.Errorf("UpgradeCode %q: changing it makes new versions install beside old ones", got)
	}
	if product.attr("Id") != "*" || product.attr("Version") != "$(var.Version)" {
		t.Errorf("each build needs a new product code and the version from FyneApp.toml: Id=%q Version=%q",
			product.attr("Id"), product.attr("Version"))
	}
	if upgrades != 1 {
		t.Errorf("%d MajorUpgrade elements, want 1", upgrades)
	}
	if pkg.attr("InstallScope") != "perUser" {
		t.Errorf("InstallScope %q: the MSI must install without administrator rights", pkg.attr("InstallScope"))
	}
	if want := "TARGETDIR/LocalAppDataFolder/ProgramsFolder/Fornyer"; strings.Join(installDir, "/") != want {
		t.Errorf("installs into %v, want %s (%%LOCALAPPDATA%%\\Programs\\Fornyer)", installDir, want)
	}
}

func TestMSIOffersOpenWithWithoutTakingOverP12Files(t *testing.T) {
	root := readWXS(t)
	openWith := map[string]bool{}
	shortcuts := 0
	root.walk(nil, func(n wxsNode, dirs []string) {
		switch n.XMLName.Local {
		case "RegistryValue", "RegistryKey":
			if n.attr("Root") != "HKCU" {
				t.Errorf("%s %s under %s: a per-user install writes only HKCU", n.XMLName.Local, n.attr("Key"), n.attr("Root"))
			}
			key := strings.ToLower(n.attr("Key"))
			for _, ext := range []string{".p12", ".pfx"} {
				if key == `software\classes\`+ext && n.attr("Name") == "" {
					t.Errorf("the MSI sets the default program for %s", ext)
				}
				if key == `software\classes\`+ext+`\openwithprogids` && n.attr("Name") == "Fornyer.Certificate" {
					openWith[ext] = true
				}
			}
			if key == `software\classes\fornyer.certificate\shell\open\command` &&
				!strings.Contains(n.attr("Value"), `[INSTALLDIR]Fornyer.exe&quot; &quot;%1&quot;`) &&
				!strings.Contains(n.attr("Value"), `[INSTALLDIR]Fornyer.exe" "%1"`) {
				t.Errorf("open command %q does not pass the file to Fornyer.exe", n.attr("Value"))
			}
		case "Shortcut":
			shortcuts++
			if dirs[len(dirs)-1] != "ProgramMenuFolder" || n.attr("Target") != "[INSTALLDIR]Fornyer.exe" {
				t.Errorf("shortcut in %v to %q, want the Start menu to Fornyer.exe", dirs, n.attr("Target"))
			}
		}
	})
	if !openWith[".p12"] || !openWith[".pfx"] {
		t.Errorf("Open with Fornyer registered for %v, want .p12 and .pfx", openWith)
	}
	if shortcuts != 1 {
		t.Errorf("%d shortcuts, want one in the Start menu", shortcuts)
	}
}

func TestWindowsVersionResourceNamesFornyer(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("windows", "winres.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Icon     map[string]map[string]string `json:"RT_GROUP_ICON"`
		Manifest map[string]map[string]struct {
			ExecutionLevel string `json:"execution-level"`
		} `json:"RT_MANIFEST"`
		Version map[string]map[string]struct {
			Info map[string]map[string]string `json:"info"`
		} `json:"RT_VERSION"`
	}
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	icon := res.Icon["APP"]["0000"]
	if _, err := os.Stat(filepath.Join("windows", icon)); err != nil {
		t.Errorf("icon %q: %v", icon, err)
	}
	if lvl := res.Manifest["#1"]["0409"].ExecutionLevel; lvl != "as invoker" {
		t.Errorf("execution level %q: Fornyer must never ask for administrator rights", lvl)
	}
	info := res.Version["#1"]["0000"].Info["0409"]
	for key, want := range map[string]string{"ProductName": appinfo.Name, "CompanyName": "Fornyer", "OriginalFilename": "Fornyer.exe"} {
		if info[key] != want {
			t.Errorf("%s = %q, want %q", key, info[key], want)
		}
	}
}

// plistDict reads the top-level dict of an Info.plist into key -> raw XML.
func plistDict(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var plist struct {
		Dict struct {
			Items []struct {
				XMLName xml.Name
				Inner   string `xml:",innerxml"`
			} `xml:",any"`
		} `xml:"dict"`
	}
	if err := xml.Unmarshal(data, &plist); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	items := plist.Dict.Items
	for i := 0; i+1 < len(items); i += 2 {
		if items[i].XMLName.Local != "key" {
			t.Fatalf("%s: expected a key, got <%s>", path, items[i].XMLName.Local)
		}
		out[items[i].Inner] = items[i+1].Inner
	}
	return out
}

func TestMacInfoPlistDeclaresCertificateFilesAsAlternate(t *testing.T) {
	d := plistDict(t, filepath.Join("macos", "Info.plist"))
	if d["CFBundleIdentifier"] != appinfo.ID {
		t.Errorf("CFBundleIdentifier %q, want %q", d["CFBundleIdentifier"], appinfo.ID)
	}
	if d["CFBundleShortVersionString"] != "@VERSION@" {
		t.Errorf("the version must come from FyneApp.toml, got %q", d["CFBundleShortVersionString"])
	}
	docs := d["CFBundleDocumentTypes"]
	for _, want := range []string{"<string>p12</string>", "<string>pfx</string>", "<string>Alternate</string>", "<string>Viewer</string>"} {
		if !strings.Contains(docs, want) {
			t.Errorf("CFBundleDocumentTypes lacks %s:\n%s", want, docs)
		}
	}
}
