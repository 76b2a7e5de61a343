# Run by bench/peers/redmine-up through `rails runner` on a fresh copy of the Debian package's
# database (its default data already loaded: trackers, the six statuses, workflows): enables the
# REST API, turns notification mails off, creates the project of the workload and gives the admin account an API key. Prints
# one JSON line: {"key", "project", "tracker_id", "status_ids"} (the statuses by name).
Setting.rest_api_enabled = '1'
# No mail server here: no notification mails (each would be a failed SMTP delivery).
Setting.notified_events = []
project = Project.find_by(identifier: 'motcua-bench') ||
          Project.create!(name: 'MotCua bench', identifier: 'motcua-bench', is_public: true,
                          tracker_ids: Tracker.pluck(:id))
admin = User.find_by!(login: 'admin')
key = admin.api_key # creates the token on first use
statuses = IssueStatus.all.to_h { |s| [s.name, s.id] }
puts({ key: key, project: project.identifier, tracker_id: Tracker.order(:position).first.id,
       status_ids: statuses }.to_json)
