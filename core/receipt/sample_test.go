package receipt

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// -out writes the generated documents to a folder to look at them:
// go test ./core/receipt -run Sample -out /tmp/receipts
var outDir = flag.String("out", "", "write sample documents to this folder")

var cph = time.FixedZone("CET", 3600)

const testPassword = "Hemmelig-Kode-æøå-9931"

func sample(lang string, steps, backups int, dpg bool) Data {
	now := time.Date(2026, 11, 24, 21, 55, 0, 0, cph)
	d := Data{
		Lang:          lang,
		Organization:  "Æblegrød ApS",
		CVR:           "12345678",
		CommonName:    "Æblegrød ApS - Søren Ørsted systemcertifikat",
		Serial:        "5e1f0c2a9b7d44e18a3f6c0d2b9e7a115cd3",
		UUID:          "8a4c1f3e-2b6d-4e9a-9c7f-1d2e3f4a5b6c",
		Environment:   "production",
		SHA256:        "3f2a9c0177de4b1c8e5f60a7b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5",
		SHA1:          "4dc9b4a288b33d55b856682bf9fdb31a7f3a64f3",
		NotBefore:     time.Date(2026, 11, 24, 20, 41, 7, 0, time.UTC),
		NotAfter:      time.Date(2029, 11, 24, 20, 41, 6, 0, time.UTC),
		RenewedAt:     now.Add(-20 * time.Minute),
		RenewedBy:     "Søren Ørsted",
		Email:         "sikkerpost@aeblegroed.dk",
		PasswordSaved: true,
		GeneratedAt:   now,
	}
	titles := []string{
		"Log in to MitID Erhverv as User Administrator",
		"Open Certificates and edit the certificate profile",
		"Renew the certificate",
		"Log in with MitID",
		"Accept the terms",
		"Save the password in the credential store",
		"Download the certificate file",
		"Check the file",
		"Back up the file",
		"Install in DPG",
	}
	for i := 0; i < steps; i++ {
		s := Step{Title: titles[i%len(titles)]}
		if i < steps-2 {
			s.DoneAt = now.Add(time.Duration(i-steps) * time.Minute)
		}
		d.Steps = append(d.Steps, s)
	}
	for i := 0; i < backups; i++ {
		d.Backups = append(d.Backups, Backup{
			Location:   fmt.Sprintf(`E:\Certifikater\Organisationscertifikat Æblegrød ApS\fornyet-2026\Æblegrød ApS - Søren Ørsted (%d).p12`, i+1),
			SHA256:     "9b8c7d6e5f40312a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a",
			VerifiedAt: now.Add(-3 * time.Minute),
		})
	}
	if dpg {
		d.DPG = &DPGInstall{At: now.Add(-time.Minute), By: "Søren Ørsted"}
	}
	return d
}

func sampleSteps() []ChecklistStep {
	return []ChecklistStep{
		{"Log in to MitID Erhverv", "Log in to the business administration for MitID Erhverv with a MitID user who has the role 'User Administrator'."},
		{"Find the certificate", "Select Certificates, search for the certificate profile and select Edit certificate profile."},
		{"Renew", "Minimise Master data, expand Certificates and select Renew certificate. Select Renew in the window that opens."},
		{"Log in with MitID", "You are asked to log in with MitID again."},
		{"Issue the certificate", "Select Next in the Issue your certificate window."},
		{"Accept the terms", "Accept the terms for renewal and select Next."},
		{"Save the password", "The password is shown once. Save it in a safe place before you select Next: it cannot be regenerated."},
		{"Download the file", "Save the .p12 file in a safe place; it cannot be downloaded again. Select Save, then Close."},
		{"Check and back up", "Check the file with Fornyer and make a verified backup."},
		{"Install in DPG at once", "Install the renewed certificate in the DPG Customer Portal immediately, or secure mail and integrations may stop."},
	}
}

func TestSample(t *testing.T) {
	if *outDir == "" {
		t.Skip("no -out folder")
	}
	write := func(name string, b []byte, err error) {
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*outDir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range []string{"da", "en"} {
		b, err := Receipt(sample(l, 10, 1, false))
		write("receipt-"+l+".pdf", b, err)
		d := sample(l, 40, 3, true)
		d.Environment = "test"
		d.PasswordSaved = false
		d.Email = ""
		b, err = Receipt(d)
		write("receipt-long-"+l+".pdf", b, err)
		b, err = Checklist(l, sampleSteps(), time.Date(2026, 11, 24, 21, 55, 0, 0, cph))
		write("checklist-"+l+".pdf", b, err)
	}
}
