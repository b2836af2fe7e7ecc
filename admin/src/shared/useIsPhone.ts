import { useMediaQuery, type Theme } from '@mui/material';

/**
 * True on a phone-sized screen (MUI's `sm` breakpoint and below): lists then render as simple
 * lists, pages stack into one column and buttons grow to a thumb's size.
 */
export const useIsPhone = () => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'), { noSsr: true });

/** A touch target's minimum height on a phone (44 CSS pixels, as the platform guidelines ask). */
export const THUMB_HEIGHT = 44;
