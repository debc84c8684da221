//! Page images for `svar diff --pages`: the pages that look different in two typeset answers,
//! old and new side by side with the changed regions boxed in red.
//!
//! For changes that live only in the layout (a template change, another margin), which a
//! comparison of the text cannot show. This is no diff algorithm: the pages are rendered at
//! [`PIXELS_PER_POINT`], compared pixel by pixel at the same position, the differing pixels
//! gathered into a grid of square cells, and the pixels of touching cells boxed together.
//!
//! [`compare_pages`] finds the differing pages and composes their images in memory;
//! [`write_differences`] writes them into a folder as `page-001.png`, `page-002.png`, …. The
//! same two documents always give the same images, byte for byte; identical documents give none.

use std::path::{Path, PathBuf};

use tiny_skia::{Color, Paint, Pixmap, PixmapPaint, Rect, Transform};

use crate::Typeset;
use crate::fs::io_in_danish;

/// Resolution of the page images: 1.5 pixels per point, about 108 dpi.
pub const PIXELS_PER_POINT: f64 = 1.5;

/// Side of the square cells differing pixels are gathered into, in pixels: changes closer than
/// this to each other are one region.
const CELL: u32 = 16;

/// Room left between a region's changed pixels and its box, in pixels.
const MARGIN: u32 = 2;

/// Space between the old and the new page in a composed image, in pixels.
const GAP: u32 = 24;

/// Width of a box's outline, in pixels; the outline lies just outside the changed region.
const STROKE: u32 = 3;

/// The colour of the gap and of the area below the shorter page.
const BACKGROUND: [u8; 3] = [0xc8, 0xc8, 0xc8];

/// The colour of the boxes around changed regions.
const BOX_COLOUR: [u8; 3] = [0xe0, 0x00, 0x00];

/// An opaque colour from its red, green and blue bytes.
fn opaque([red, green, blue]: [u8; 3]) -> Color {
    Color::from_rgba8(red, green, blue, 0xff)
}

/// A rectangle of changed pixels, in pixels from the page's top left corner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Region {
    /// Distance from the page's left edge.
    pub x: u32,
    /// Distance from the page's top edge.
    pub y: u32,
    /// Width, at least one pixel.
    pub width: u32,
    /// Height, at least one pixel.
    pub height: u32,
}

/// A page that looks different in the old and the new document, with its composed image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageDifference {
    page: usize,
    in_old: bool,
    in_new: bool,
    regions: Vec<Region>,
    png: Vec<u8>,
}

impl PageDifference {
    /// The page number, counted from 1 as in the footer's "Side 2 af 5".
    pub fn page(&self) -> usize {
        self.page
    }

    /// Whether the old document has this page (if not, its side of the image is blank).
    pub fn in_old(&self) -> bool {
        self.in_old
    }

    /// Whether the new document has this page (if not, its side of the image is blank).
    pub fn in_new(&self) -> bool {
        self.in_new
    }

    /// The changed regions, in page pixels at [`PIXELS_PER_POINT`], top to bottom.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// The image's file name, the page number padded to three digits: `page-003.png`.
    pub fn file_name(&self) -> String {
        format!("page-{:03}.png", self.page)
    }

    /// The composed image as PNG: the old page left, the new page right, a gap between them,
    /// and a red box around every changed region on both pages.
    pub fn png(&self) -> &[u8] {
        &self.png
    }
}

/// A page image that could not be written, or an old one that could not be removed; the text
/// is the line `svar diff --pages` prints after `fejl: `.
#[derive(Debug, thiserror::Error)]
pub enum PagesError {
    /// A page image could not be written.
    #[error("{}: kan ikke skrives: {}", path.display(), crate::fs::write_error_in_danish(source))]
    Write {
        /// The image file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A page image left from an earlier comparison could not be removed, and would pass for
    /// a current one.
    #[error("{}: kan ikke slettes: {}", path.display(), io_in_danish(source))]
    Remove {
        /// The image file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
}

/// The pages that look different in `old` and `new`, in page order, each with its composed
/// image; empty when every page is the same pixel for pixel.
///
/// A page only one document has differs too; its missing side is a blank page. Pages are
/// rendered one pair at a time, so only the images of differing pages are kept.
pub fn compare_pages(old: &Typeset, new: &Typeset) -> Vec<PageDifference> {
    let pages = old.page_count().max(new.page_count());
    (0..pages)
        .filter_map(|index| {
            PageDifference::between(
                index + 1,
                old.page_pixmap(index, PIXELS_PER_POINT),
                new.page_pixmap(index, PIXELS_PER_POINT),
            )
        })
        .collect()
}

/// Writes each difference's image into `folder` (created if needed) under its
/// [`file_name`](PageDifference::file_name), atomically, and returns the paths written.
///
/// Page images an earlier comparison left in the folder are removed, so no image of a page
/// that no longer differs passes for a current one; other files are left alone.
pub fn write_differences(
    differences: &[PageDifference],
    folder: &Path,
) -> Result<Vec<PathBuf>, PagesError> {
    let written = differences
        .iter()
        .map(|difference| {
            let path = folder.join(difference.file_name());
            match crate::output::write_atomically(&path, difference.png()) {
                Ok(()) => Ok(path),
                Err(source) => Err(PagesError::Write { path, source }),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    remove_stale_images(folder, &written)?;
    Ok(written)
}

/// Every file [`write_differences`] would write or remove in `folder`, so a caller can make
/// sure none of them is a file it must keep.
pub fn files_touched(differences: &[PageDifference], folder: &Path) -> Vec<PathBuf> {
    let written: Vec<PathBuf> = differences
        .iter()
        .map(|difference| folder.join(difference.file_name()))
        .collect();
    let stale = stale_images(folder, &written);
    written.into_iter().chain(stale).collect()
}

/// The page images (`page-NNN.png`) in `folder` that are not among `written`.
fn stale_images(folder: &Path, written: &[PathBuf]) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(folder).into_iter().flatten();
    entries
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| is_page_image(path) && !written.contains(path))
        .collect()
}

/// Removes the page images in `folder` that are not among `written`.
fn remove_stale_images(folder: &Path, written: &[PathBuf]) -> Result<(), PagesError> {
    for path in stale_images(folder, written) {
        std::fs::remove_file(&path).map_err(|source| PagesError::Remove { path, source })?;
    }
    Ok(())
}

/// Whether `path` is named like the images this module writes.
fn is_page_image(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name.strip_prefix("page-")
        .and_then(|rest| rest.strip_suffix(".png"))
        .is_some_and(|number| number.len() >= 3 && number.bytes().all(|b| b.is_ascii_digit()))
}

impl PageDifference {
    /// The difference between two renderings of page number `page`, `None` if they are equal
    /// (or both missing).
    fn between(page: usize, old: Option<Pixmap>, new: Option<Pixmap>) -> Option<Self> {
        let (in_old, in_new) = (old.is_some(), new.is_some());
        let (old, new) = match (old, new) {
            (Some(old), Some(new)) => (old, new),
            (Some(old), None) => {
                let blank = blank_like(&old);
                (old, blank)
            }
            (None, Some(new)) => (blank_like(&new), new),
            (None, None) => return None,
        };
        let regions = changed_regions(&old, &new);
        if regions.is_empty() {
            return None;
        }
        let png = compose(&old, &new, &regions)
            .encode_png()
            .expect("encoding an in-memory pixmap as PNG cannot fail");
        Some(Self {
            page,
            in_old,
            in_new,
            regions,
            png,
        })
    }
}

/// A white page of the same size as `page`, standing in for a page one document lacks.
fn blank_like(page: &Pixmap) -> Pixmap {
    let mut blank = Pixmap::new(page.width(), page.height()).expect("the page has a size");
    blank.fill(Color::WHITE);
    blank
}

// Finding the changed regions: differing pixels → changed cells → boxes of touching cells.

/// The rectangles around the pixels that differ between `old` and `new`, top to bottom.
///
/// Pages of different sizes are compared over the larger size; a pixel one page lacks counts
/// as changed. Differing pixels in cells that touch, also at a corner, belong to one region,
/// which is as large as those pixels reach plus [`MARGIN`] (cut off at the page's edge), so its
/// box frames the change and nothing beside it; regions that overlap are merged.
fn changed_regions(old: &Pixmap, new: &Pixmap) -> Vec<Region> {
    let grid = CellGrid::of_differences(old, new);
    let (width, height) = (grid.pixel_width, grid.pixel_height);
    let padded = grid
        .components()
        .into_iter()
        .map(|pixels| pixels.padded(MARGIN, width, height))
        .collect();
    let mut boxes = merge_overlapping(padded);
    boxes.sort_by_key(|pixels| (pixels.top, pixels.left));
    boxes.iter().map(|pixels| pixels.to_region()).collect()
}

/// For each cell of the page, the box around its differing pixels, if it has any.
struct CellGrid {
    columns: usize,
    rows: usize,
    changed: Vec<Option<PixelBox>>,
    pixel_width: u32,
    pixel_height: u32,
}

/// A rectangle of pixels, inclusive at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PixelBox {
    left: u32,
    top: u32,
    right: u32,
    bottom: u32,
}

impl CellGrid {
    fn of_differences(old: &Pixmap, new: &Pixmap) -> Self {
        let pixel_width = old.width().max(new.width());
        let pixel_height = old.height().max(new.height());
        let columns = pixel_width.div_ceil(CELL) as usize;
        let rows = pixel_height.div_ceil(CELL) as usize;
        let mut changed: Vec<Option<PixelBox>> = vec![None; columns * rows];
        for y in 0..pixel_height {
            for x in 0..pixel_width {
                if pixel(old, x, y) != pixel(new, x, y) {
                    let cell = &mut changed[(y / CELL) as usize * columns + (x / CELL) as usize];
                    let point = PixelBox::point(x, y);
                    *cell = Some(cell.map_or(point, |pixels| pixels.union(point)));
                }
            }
        }
        Self {
            columns,
            rows,
            changed,
            pixel_width,
            pixel_height,
        }
    }

    /// The boxes around the differing pixels of each group of touching cells, by a flood fill.
    fn components(&self) -> Vec<PixelBox> {
        let mut seen = vec![false; self.changed.len()];
        let mut boxes = Vec::new();
        for start in 0..self.changed.len() {
            let Some(first) = self.changed[start].filter(|_| !seen[start]) else {
                continue;
            };
            seen[start] = true;
            let mut stack = vec![start];
            let mut pixels = first;
            while let Some(cell) = stack.pop() {
                let (column, row) = (cell % self.columns, cell / self.columns);
                for neighbour in self.neighbours(column, row) {
                    if let Some(more) = self.changed[neighbour].filter(|_| !seen[neighbour]) {
                        seen[neighbour] = true;
                        pixels = pixels.union(more);
                        stack.push(neighbour);
                    }
                }
            }
            boxes.push(pixels);
        }
        boxes
    }

    /// The indices of the up to eight cells around a cell.
    fn neighbours(&self, column: usize, row: usize) -> impl Iterator<Item = usize> + '_ {
        let columns = column.saturating_sub(1)..=(column + 1).min(self.columns - 1);
        let rows = row.saturating_sub(1)..=(row + 1).min(self.rows - 1);
        rows.flat_map(move |r| columns.clone().map(move |c| r * self.columns + c))
    }
}

/// The pixel at `x`, `y` as RGBA bytes; `None` outside the page.
fn pixel(page: &Pixmap, x: u32, y: u32) -> Option<&[u8]> {
    if x >= page.width() || y >= page.height() {
        return None;
    }
    let start = (y as usize * page.width() as usize + x as usize) * 4;
    Some(&page.data()[start..start + 4])
}

impl PixelBox {
    fn point(x: u32, y: u32) -> Self {
        Self {
            left: x,
            top: y,
            right: x,
            bottom: y,
        }
    }

    fn union(self, other: Self) -> Self {
        Self {
            left: self.left.min(other.left),
            top: self.top.min(other.top),
            right: self.right.max(other.right),
            bottom: self.bottom.max(other.bottom),
        }
    }

    fn overlaps(self, other: Self) -> bool {
        self.left <= other.right
            && other.left <= self.right
            && self.top <= other.bottom
            && other.top <= self.bottom
    }

    /// The box grown by `margin` on every side, within a page `width` by `height` pixels.
    fn padded(self, margin: u32, width: u32, height: u32) -> Self {
        Self {
            left: self.left.saturating_sub(margin),
            top: self.top.saturating_sub(margin),
            right: (self.right + margin).min(width - 1),
            bottom: (self.bottom + margin).min(height - 1),
        }
    }

    fn to_region(self) -> Region {
        Region {
            x: self.left,
            y: self.top,
            width: self.right - self.left + 1,
            height: self.bottom - self.top + 1,
        }
    }
}

/// Merges boxes that overlap until none do (the boxes of separate groups can).
fn merge_overlapping(mut boxes: Vec<PixelBox>) -> Vec<PixelBox> {
    let mut merged = true;
    while merged {
        merged = false;
        'search: for i in 0..boxes.len() {
            for j in i + 1..boxes.len() {
                if boxes[i].overlaps(boxes[j]) {
                    boxes[i] = boxes[i].union(boxes.remove(j));
                    merged = true;
                    break 'search;
                }
            }
        }
    }
    boxes
}

// Composing the image: the two pages side by side, the regions boxed on both.

/// The old page left, the new page right, [`GAP`] pixels apart on [`BACKGROUND`], and a box
/// around every region on both pages.
fn compose(old: &Pixmap, new: &Pixmap, regions: &[Region]) -> Pixmap {
    let new_left = old.width() + GAP;
    let mut image = Pixmap::new(new_left + new.width(), old.height().max(new.height()))
        .expect("pages have a size");
    image.fill(opaque(BACKGROUND));
    for (page, left) in [(old, 0), (new, new_left)] {
        image.draw_pixmap(
            left as i32,
            0,
            page.as_ref(),
            &PixmapPaint::default(),
            Transform::identity(),
            None,
        );
        for region in regions {
            draw_box(&mut image, region, left, page);
        }
    }
    image
}

/// Draws a [`STROKE`]-wide outline just outside `region` on the page drawn at `left`, kept
/// within the page's edges.
fn draw_box(image: &mut Pixmap, region: &Region, left: u32, page: &Pixmap) {
    let outer_left = region.x.saturating_sub(STROKE);
    let outer_top = region.y.saturating_sub(STROKE);
    let outer_right = (region.x + region.width + STROKE).min(page.width());
    let outer_bottom = (region.y + region.height + STROKE).min(page.height());
    if outer_left + STROKE >= outer_right || outer_top + STROKE >= outer_bottom {
        return; // The region lies beyond this (smaller) page.
    }
    let (width, height) = (outer_right - outer_left, outer_bottom - outer_top);
    let x = left + outer_left;
    for (bar_x, bar_y, bar_width, bar_height) in [
        (x, outer_top, width, STROKE),
        (x, outer_bottom - STROKE, width, STROKE),
        (x, outer_top, STROKE, height),
        (x + width - STROKE, outer_top, STROKE, height),
    ] {
        fill(image, bar_x, bar_y, bar_width, bar_height);
    }
}

/// Fills a pixel-aligned rectangle with [`BOX_COLOUR`], without anti-aliasing.
fn fill(image: &mut Pixmap, x: u32, y: u32, width: u32, height: u32) {
    let mut paint = Paint::default();
    paint.set_color(opaque(BOX_COLOUR));
    paint.anti_alias = false;
    let rect = Rect::from_xywh(x as f32, y as f32, width as f32, height as f32)
        .expect("a box has a positive size");
    image.fill_rect(rect, &paint, Transform::identity(), None);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn white(width: u32, height: u32) -> Pixmap {
        blank_like(&Pixmap::new(width, height).unwrap())
    }

    /// `page` with black pixels at `points`.
    fn marked(mut page: Pixmap, points: &[(u32, u32)]) -> Pixmap {
        let width = page.width();
        for &(x, y) in points {
            let start = ((y * width + x) * 4) as usize;
            page.data_mut()[start..start + 4].copy_from_slice(&[0, 0, 0, 255]);
        }
        page
    }

    fn region(x: u32, y: u32, width: u32, height: u32) -> Region {
        Region {
            x,
            y,
            width,
            height,
        }
    }

    fn is_box_colour(image: &Pixmap, x: u32, y: u32) -> bool {
        pixel(image, x, y) == Some(&[0xe0, 0, 0, 0xff][..])
    }

    #[test]
    fn equal_pages_have_no_regions_and_no_difference() {
        let page = marked(white(100, 100), &[(10, 10)]);
        assert!(changed_regions(&page, &page.clone()).is_empty());
        assert_eq!(
            PageDifference::between(1, Some(page.clone()), Some(page)),
            None
        );
    }

    #[test]
    fn distant_changes_are_separate_regions_top_to_bottom_each_close_around_its_pixels() {
        let old = white(100, 100);
        let new = marked(white(100, 100), &[(70, 70), (5, 5)]);
        assert_eq!(
            changed_regions(&old, &new),
            [region(3, 3, 5, 5), region(68, 68, 5, 5)]
        );
    }

    #[test]
    fn touching_cells_form_one_region_cut_off_at_the_page_edge() {
        let old = white(100, 100);
        // Cells (0, 0), (1, 1) touch at a corner; (5, 6) and (6, 6) touch at the right edge.
        let new = marked(white(100, 100), &[(10, 10), (20, 20), (90, 99), (99, 99)]);
        assert_eq!(
            changed_regions(&old, &new),
            [region(8, 8, 15, 15), region(88, 97, 12, 3)]
        );
    }

    #[test]
    fn overlapping_bounding_boxes_are_merged() {
        // An L of cells and a single cell inside its bounding box but not touching it.
        let mut points: Vec<(u32, u32)> = (0..5).map(|row| (0, row * 16)).collect();
        points.extend((0..5).map(|column| (column * 16, 64)));
        points.push((40, 10));
        let regions = changed_regions(&white(100, 100), &marked(white(100, 100), &points));
        assert_eq!(regions, [region(0, 0, 67, 67)]);
    }

    #[test]
    fn a_taller_page_differs_where_the_other_has_no_pixels() {
        let regions = changed_regions(&white(40, 40), &white(40, 50));
        assert_eq!(regions, [region(0, 38, 40, 12)]);
    }

    #[test]
    fn the_image_shows_both_pages_with_boxes_on_each() {
        let old = white(100, 120);
        let new = marked(white(100, 120), &[(40, 40)]);
        let difference = PageDifference::between(3, Some(old), Some(new)).unwrap();
        assert_eq!(difference.file_name(), "page-003.png");
        assert!(difference.in_old() && difference.in_new());
        assert_eq!(difference.regions(), [region(38, 38, 5, 5)]);
        let image = Pixmap::decode_png(difference.png()).unwrap();
        assert_eq!((image.width(), image.height()), (200 + GAP, 120));
        for left in [0, 100 + GAP] {
            assert!(is_box_colour(&image, left + 35, 40), "left outline");
            assert!(is_box_colour(&image, left + 45, 40), "right outline");
            assert!(!is_box_colour(&image, left + 38, 40), "margin");
            assert!(!is_box_colour(&image, left + 40, 40), "inside");
        }
        let gap = pixel(&image, 100 + GAP / 2, 10);
        assert_eq!(gap, Some(&[0xc8, 0xc8, 0xc8, 0xff][..]));
    }

    #[test]
    fn a_page_only_the_new_document_has_is_blank_on_the_old_side() {
        let new = marked(white(64, 64), &[(20, 20)]);
        let difference = PageDifference::between(2, None, Some(new.clone())).unwrap();
        assert!(!difference.in_old() && difference.in_new());
        assert_eq!(difference.regions(), [region(18, 18, 5, 5)]);
        let image = Pixmap::decode_png(difference.png()).unwrap();
        assert_eq!(pixel(&image, 20, 20), Some(&[255, 255, 255, 255][..]));
        assert_eq!(pixel(&image, 64 + GAP + 20, 20), Some(&[0, 0, 0, 255][..]));
        let gone = PageDifference::between(2, Some(new), None).unwrap();
        assert!(gone.in_old() && !gone.in_new());
        assert!(PageDifference::between(2, None, None).is_none());
    }

    #[test]
    fn the_same_pages_give_the_same_bytes() {
        let make = || {
            PageDifference::between(
                1,
                Some(white(80, 80)),
                Some(marked(white(80, 80), &[(7, 7)])),
            )
        };
        assert_eq!(make(), make());
    }

    #[test]
    fn an_old_page_image_that_cannot_be_removed_is_a_removal_error() {
        let folder = tempfile::tempdir().unwrap();
        let stale = folder.path().join("page-002.png");
        std::fs::create_dir(&stale).unwrap();
        let error = write_differences(&[], folder.path()).unwrap_err();
        assert!(
            matches!(&error, PagesError::Remove { path, .. } if *path == stale),
            "{error:?}"
        );
        let shown = error.to_string();
        assert!(
            shown.starts_with(&format!("{}: kan ikke slettes: ", stale.display())),
            "{shown}"
        );
    }
}
