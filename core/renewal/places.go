package renewal

import (
	"slices"

	"github.com/fornyer/fornyer/core/inspect"
	"github.com/fornyer/fornyer/core/register"
)

// PlaceOffer is what the switch-over card offers a place to hand it the
// renewed certificate, by what the place needs (register.Needs*).
type PlaceOffer struct {
	// Public: the public certificate, saved as a file (.cer or .pem).
	Public bool
	// Identifiers are the certificate's identifiers to copy, and Gives
	// what a copy records as handed over (a register.Gave* value; "" for
	// nothing: the identifier only helps, the place is given the file).
	Identifiers []inspect.Identifier
	Gives       string
	// Folded: which of the identifiers the place asks for is not known
	// (Skat's form is not documented publicly), so they are folded away
	// under "Show the certificate's identifiers" rather than five codes
	// in plain view, the fingerprints among them (X19).
	Folded bool
	// HandOver: a copy of the .p12 under a password of its own.
	HandOver bool
}

// OfferPlace is what the switch-over card offers a place that needs needs,
// for the renewed certificate c: Datafordeleren and every place that
// takes the public certificate get the file and its new thumbprint (the
// one thing that tells the renewed certificate from the old one there:
// same CVR and UUID), the thumbprint's copy recording nothing over the
// file given; a place that registers the certificate's identity, every
// identifier, folded; one that takes the .p12, a copy of its own; any other
// place, the public certificate and a copy.
func OfferPlace(needs string, c register.Certificate) PlaceOffer {
	ids := Identifiers(c)
	switch needs {
	case register.NeedsPublic:
		thumb := slices.DeleteFunc(ids, func(id inspect.Identifier) bool { return id.Code != inspect.IdentifierThumbprint })
		return PlaceOffer{Public: true, Identifiers: thumb}
	case register.NeedsIdentity:
		return PlaceOffer{Identifiers: ids, Gives: register.GaveIdentity, Folded: true}
	case register.NeedsP12:
		return PlaceOffer{HandOver: true}
	}
	return PlaceOffer{Public: true, HandOver: true}
}
