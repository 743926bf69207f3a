// Package widget owns Fornyer's own widgets, the pieces several screens
// draw with: the tinted banner, the guide's stepper dots, the urgency
// badge, the panel a dialog steps through (form, work, result), a coloured
// icon before text, and the file and folder pickers. They draw what they
// are given and decide nothing: the screens in package ui choose what to
// show, core decides what it means.
//
// Screens import it as uiwidget, beside Fyne's own widget package.
package widget
