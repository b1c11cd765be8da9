// Batch-upscale every TIFF/PNG/JPEG of a folder into another folder; safe headless:
//   ImageJ-linux64 --headless -batch LIIF_Batch_Folder.ijm "input=/data/in output=/data/out scale=2 model=default"
// Folders may hold spaces, as they are or in [ ]: "input=/data/my images output=[/data/up scaled] scale=2"
// Existing outputs are skipped, so an interrupted run can simply be started again.
args = getArgument();
if (args == "") {
  input = getDirectory("Folder with images");
  output = getDirectory("Folder for the results");
  scale = getNumber("Scale", 2);
  model = "default";
} else {
  input = value(args, "input", "");
  output = value(args, "output", "");
  scale = parseFloat(value(args, "scale", "2"));
  model = value(args, "model", "default");
}
if (!endsWith(input, "/")) input = input + "/";
if (!endsWith(output, "/")) output = output + "/";
if (!File.isDirectory(input)) exit("No such input folder: " + input);
File.makeDirectory(output);
setBatchMode(true);
files = getFileList(input);
done = 0;
for (i = 0; i < files.length; i++) {
  name = files[i];
  lower = toLowerCase(name);
  if (!(endsWith(lower, ".tif") || endsWith(lower, ".tiff") || endsWith(lower, ".png") || endsWith(lower, ".jpg") || endsWith(lower, ".jpeg"))) continue;
  if (File.exists(output + name)) { print("skipped (exists): " + name); continue; }
  open(input + name);
  run("LIIF Upscale", "model=[" + model + "] scale_x=" + scale + " scale_y=" + scale);
  result = getTitle();
  if (endsWith(lower, ".png")) saveAs("PNG", output + name);
  else if (endsWith(lower, ".jpg") || endsWith(lower, ".jpeg")) saveAs("Jpeg", output + name);
  else saveAs("Tiff", output + name);
  close("*");
  done++;
  print("upscaled " + name + " (" + done + ")");
}
print("LIIF batch: " + done + " image(s) written to " + output);

function value(text, key, fallback) {
  // a value runs to the next key, not to the next space, so that folders may hold spaces
  text = " " + text;
  start = indexOf(text, " " + key + "=");
  if (start < 0) return fallback;
  start = start + lengthOf(key) + 2;
  end = lengthOf(text);
  keys = newArray("input", "output", "scale", "model");
  for (k = 0; k < keys.length; k++) {
    next = indexOf(text, " " + keys[k] + "=", start);
    if (next >= 0 && next < end) end = next;
  }
  found = replace(substring(text, start, end), "^\\s+|\\s+$", "");
  if (startsWith(found, "[") && endsWith(found, "]")) found = substring(found, 1, lengthOf(found) - 1);
  return found;
}
