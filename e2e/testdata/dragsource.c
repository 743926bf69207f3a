/* dragsource: the real-window suite's own XDND drag source. It shows a
 * small window at the top left of the screen that drags the files named on
 * the command line as text/uri-list, the way a file manager does.
 * Usage: dragsource [--exit-after-send] FILE...
 * It prints "ready" once the window is on screen, and "sent" each time a drop
 * target took the data. With --exit-after-send it exits the moment the data
 * is on its way, before the target can answer XdndFinished: a drag source
 * that is gone by then (F28) must not take the target down with it.
 * Build: gcc dragsource.c $(pkg-config --cflags --libs gtk+-3.0)
 */
#include <gtk/gtk.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static gchar **uris;
static gboolean exit_after_send;

/* exit_now runs once GTK has written the data and sent SelectionNotify
 * (after the drag-data-get handler returns): flush, and go at once. */
static gboolean exit_now(gpointer user) {
  gdk_display_flush(gdk_display_get_default());
  _exit(0);
  return G_SOURCE_REMOVE;
}

static void on_get(GtkWidget *w, GdkDragContext *ctx, GtkSelectionData *data,
                   guint info, guint time, gpointer user) {
  gtk_selection_data_set_uris(data, uris);
  printf("sent\n");
  fflush(stdout);
  if (exit_after_send)
    g_idle_add_full(G_PRIORITY_HIGH, exit_now, NULL, NULL);
}

static gboolean on_mapped(GtkWidget *w, GdkEvent *e, gpointer user) {
  printf("ready\n");
  fflush(stdout);
  return FALSE;
}

int main(int argc, char **argv) {
  gtk_init(&argc, &argv);
  int first = 1;
  if (argc > 1 && strcmp(argv[1], "--exit-after-send") == 0) {
    exit_after_send = TRUE;
    first = 2;
  }
  if (argc <= first) {
    fprintf(stderr, "usage: dragsource [--exit-after-send] FILE...\n");
    return 64;
  }
  uris = g_new0(gchar *, argc);
  for (int i = first; i < argc; i++) {
    GError *err = NULL;
    gchar *abs = g_canonicalize_filename(argv[i], NULL);
    uris[i - first] = g_filename_to_uri(abs, NULL, &err);
    g_free(abs);
    if (!uris[i - first]) {
      fprintf(stderr, "dragsource: %s\n", err->message);
      return 1;
    }
  }
  GtkWidget *win = gtk_window_new(GTK_WINDOW_TOPLEVEL);
  gtk_window_set_title(GTK_WINDOW(win), "dragsource");
  gtk_window_set_default_size(GTK_WINDOW(win), 200, 120);
  gtk_window_move(GTK_WINDOW(win), 20, 20);
  GtkWidget *box = gtk_event_box_new();
  GtkWidget *label = gtk_label_new("DRAG ME");
  gtk_container_add(GTK_CONTAINER(box), label);
  gtk_container_add(GTK_CONTAINER(win), box);
  GtkTargetEntry target = {"text/uri-list", 0, 0};
  gtk_drag_source_set(box, GDK_BUTTON1_MASK, &target, 1, GDK_ACTION_COPY);
  g_signal_connect(box, "drag-data-get", G_CALLBACK(on_get), NULL);
  g_signal_connect(win, "map-event", G_CALLBACK(on_mapped), NULL);
  g_signal_connect(win, "destroy", G_CALLBACK(gtk_main_quit), NULL);
  gtk_widget_show_all(win);
  gtk_main();
  return 0;
}
