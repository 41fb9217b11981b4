<?php
// Delete every SCORM activity of course SCORMACC through Moodle's own API (course_delete_module), so a
// run on a site kept from an earlier run imports its packages into a course holding only them.
// The recycle bin is switched off first: it would back each activity up, which takes seconds apiece.
// Usage: php remove-scorm-activities.php /path/to/moodle   -> one JSON line: the cmids deleted
define('CLI_SCRIPT', true);
require($argv[1] . '/config.php');
require_once($CFG->dirroot . '/course/lib.php');
\core\session\manager::set_user(get_admin());
set_config('coursebinenable', 0, 'tool_recyclebin');
$course = $DB->get_record('course', ['shortname' => 'SCORMACC'], '*', MUST_EXIST);
$deleted = [];
foreach (get_fast_modinfo($course)->get_instances_of('scorm') as $cm) {
    course_delete_module($cm->id);
    $deleted[] = (int)$cm->id;
}
echo json_encode(['deleted' => $deleted]) . "\n";
